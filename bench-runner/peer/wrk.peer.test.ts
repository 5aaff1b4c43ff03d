// Peer test: the same load from `loadlab bench` and Debian's wrk against Debian's nginx must
// agree on what both can see. Fails (does not skip) in CI when nginx or wrk is missing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { parseWrkOutput, type WrkFigures } from '../../peers/wrkOutput.ts';
import type { MeasuredRunRecord } from '../../common/runRecord.ts';
import { benchConfigDefaults } from '../config.ts';
import { startRun } from '../run.ts';

const run = promisify(execFile);
const available = hasProgram('nginx', 'nginx-light') && hasProgram('wrk', 'wrk');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;

describePeer('loadlab bench against wrk on nginx', () => {
  let nginx: NginxServer;
  let wrk: WrkFigures;
  let ours: MeasuredRunRecord;

  beforeAll(async () => {
    findProgram('wrk', 'wrk');
    nginx = await startNginx({ workers: 1 });
    const { stdout } = await run(findProgram('wrk', 'wrk'), ['-t1', '-c10', '-d2s', '--latency', nginx.url]);
    wrk = parseWrkOutput(stdout);
    ours = await startRun({ ...benchConfigDefaults, url: nginx.url, threads: 1, connections: 10, durationMs: 2000 }).result;
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
  });

  it('both see only successful responses', () => {
    expect(wrk.socketErrors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 });
    expect(wrk.non2xx3xx).toBe(0);
    expect(ours.summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
    expect(Object.keys(ours.summary.statusCounts)).toEqual(['200']);
  });

  it('both read the same bytes per response', () => {
    const theirsPerResponse = wrk.bytesRead / wrk.requests;
    const oursPerResponse = ours.summary.bytesRead / ours.summary.requests;
    // wrk prints bytes with two decimals of KB/MB: allow that rounding.
    expect(oursPerResponse).toBeGreaterThan(theirsPerResponse * 0.98);
    expect(oursPerResponse).toBeLessThan(theirsPerResponse * 1.02);
  });

  it('throughput and latency are of the same order', () => {
    // A shared 2-core machine: only gross disagreement is a failure here; BENCHMARKS.md has ratios.
    expect(ours.summary.reqPerSec).toBeGreaterThan(wrk.reqPerSec / 4);
    expect(ours.summary.reqPerSec).toBeLessThan(wrk.reqPerSec * 4);
    const theirsP50 = wrk.percentilesUs.get(50) ?? Number.NaN;
    expect(ours.summary.latencyUs.p50).toBeGreaterThan(theirsP50 / 10);
    expect(ours.summary.latencyUs.p50).toBeLessThan(theirsP50 * 10);
  });

  it('requests per second is requests answered within the measured duration over it, as in wrk', () => {
    const drained = ours.summary.drained ?? 0;
    // With 10 connections in max mode, at most one response each arrives after the duration.
    expect(drained).toBeLessThanOrEqual(10);
    expect(ours.summary.reqPerSec).toBeCloseTo((ours.summary.requests - drained) / (ours.summary.durationMs / 1000), 6);
    expect(ours.summary.durationMs).toBeGreaterThanOrEqual(1990);
    expect(ours.summary.durationMs).toBeLessThan(2500);
  });
});

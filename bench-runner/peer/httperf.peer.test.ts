// Peer test: the same connection-rate load from Debian's httperf and from `loadlab httperf`
// against Debian's nginx must agree on what both can see. Both reports are read by the same
// parser (peers/httperfOutput.ts). Fails (does not skip) in CI when nginx or httperf is missing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema, type MeasuredRunRecord } from '../../common/runRecord.ts';
import { parseHttperfOutput, type HttperfFigures } from '../../peers/httperfOutput.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';

const run = promisify(execFile);
const available = hasProgram('nginx', 'nginx-light') && hasProgram('httperf', 'httperf');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;
const bin = new URL('../../bin/loadlab.js', import.meta.url).pathname;

/** Same order: within `factor` of each other, or both within `slackMs` (sub-ms figures are noise). */
function expectSameOrder(ours: number, theirs: number, factor: number, slackMs: number): void {
  if (Math.abs(ours - theirs) <= slackMs) return;
  expect(ours).toBeGreaterThanOrEqual(theirs / factor);
  expect(ours).toBeLessThanOrEqual(theirs * factor);
}

describePeer('loadlab httperf against httperf on nginx', () => {
  let nginx: NginxServer;
  let dir: string;
  let theirs: HttperfFigures;
  let ours: HttperfFigures;
  let record: MeasuredRunRecord;

  beforeAll(async () => {
    const httperf = findProgram('httperf', 'httperf');
    nginx = await startNginx({ workers: 1 });
    dir = await mkdtemp(join(tmpdir(), 'loadlab-httperf-peer-'));
    const flags = ['--server', '127.0.0.1', '--port', String(nginx.port), '--rate', '200', '--num-conns', '400', '--num-calls', '2'];
    const httperfRun = await run(httperf, flags, { timeout: 30_000 });
    theirs = parseHttperfOutput(httperfRun.stdout);
    const jsonPath = join(dir, 'run.json');
    const ourRun = await run(process.execPath, [bin, 'httperf', ...flags, '--json', jsonPath], { timeout: 30_000 });
    ours = parseHttperfOutput(ourRun.stdout);
    record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('same connection, request and reply counts', () => {
    expect(theirs).toMatchObject({ connections: 400, requests: 800, replies: 800, repliesPerConn: 2 });
    expect(ours).toMatchObject({ connections: 400, requests: 800, replies: 800, repliesPerConn: 2 });
    expect(ours.replyStatus).toEqual(theirs.replyStatus);
    expect(ours.replyStatus).toEqual([0, 800, 0, 0, 0]);
    expect(record.summary.connRate?.completed).toBe(400);
    expect(record.summary.requests).toBe(800);
  });

  it('both report no errors', () => {
    const none = { total: 0, clientTimo: 0, socketTimo: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, ftabFull: 0, other: 0 };
    expect(theirs.errors).toEqual(none);
    expect(ours.errors).toEqual(none);
    expect(record.summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
  });

  it('both read the same reply sizes from the same nginx', () => {
    expect(ours.replySizeB).toEqual(theirs.replySizeB);
  });

  it('connection rate and test duration agree (2 s of schedule at 200/s)', () => {
    for (const figures of [theirs, ours]) {
      expect(figures.testDurationS).toBeGreaterThan(1.99);
      expect(figures.testDurationS).toBeLessThan(2.5);
      expect(figures.connRatePerSec).toBeGreaterThan(160);
      expect(figures.connRatePerSec).toBeLessThan(202);
    }
    expect(Math.abs(ours.connRatePerSec / theirs.connRatePerSec - 1)).toBeLessThan(0.1);
  });

  it('connect, reply and connection times are of the same order', () => {
    // httperf times connect from its connect() call, Loadlab from the scheduled start (so a late
    // schedule is not hidden): both are sub-millisecond on loopback, unless the machine stalls.
    expectSameOrder(ours.connectMs, theirs.connectMs, 10, 3);
    expectSameOrder(ours.replyTimeMs.response, theirs.replyTimeMs.response, 10, 3);
    expectSameOrder(ours.replyTimeMs.transfer, theirs.replyTimeMs.transfer, 10, 3);
    // Averages take the machine's stalls (tens of ms on a few connections) at full weight.
    expectSameOrder(ours.connectionTimeMs.avg, theirs.connectionTimeMs.avg, 10, 5);
    expectSameOrder(ours.connectionTimeMs.median, theirs.connectionTimeMs.median, 10, 3);
  });
});

// The lab over loopback: the built-in server, runs against it saved with their telemetry,
// early stops, refusals, and nothing left listening after close().
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabEventName, LabEvents } from '../common/labApi.ts';
import { builtinServerPoints } from '../common/runRecord.ts';
import { createLab, type Lab } from './lab.ts';
import { portIsClosed } from '../peers/ports.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-'));
  lab = await createLab({ journalDir: dir, host: 'web' });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function collect<E extends LabEventName>(event: E): LabEvents[E][] {
  const seen: LabEvents[E][] = [];
  lab.on(event, (payload) => seen.push(payload));
  return seen;
}

function next<E extends LabEventName>(event: E, timeoutMs = 20_000): Promise<LabEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const off = lab.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe('lab', () => {
  it('runs 2 s against the built-in server and saves the run with its telemetry', async () => {
    const server = await lab.call('server.start', { model: 'pool-shared', workers: 2, port: 0 });
    expect(server).toMatchObject({ state: 'running', settings: { model: 'pool-shared', workers: 2, keepAlive: true, closeSilently: false } });
    const samples = collect('run.sample');
    const statuses = collect('run.status');
    const finished = next('run.finished');
    const status = await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 200, threads: 1, connections: 4, durationMs: 2000 });
    expect(status.state).toBe('running');
    const { header } = await finished;
    // One sample per 1 s interval: the promised rate, far below the UI budget.
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples.length).toBeLessThanOrEqual(3);
    expect(samples[0]).toMatchObject({ targetRatePerSec: 200, durationMs: 2000 });
    // The live spectrum: every sample carries the histograms of everything so far.
    expect(samples.at(-1)?.histograms?.correctedUs).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(header).toMatchObject({ serverModel: 'pool-shared', mode: 'rate', ratePerSec: 200, title: 'pool-shared ×2 · -t1 -c4 -d2s -R200' });
    expect(header.requests).toBeGreaterThan(300);
    const { runs } = await lab.call('journal.list', {});
    expect(runs.map((run) => run.id)).toEqual([header.id]);
    const record = await lab.call('journal.get', { id: header.id });
    expect(record.server).toEqual({ kind: 'builtin', model: 'pool-shared', settings: { workers: 2, keepAlive: true, closeSilently: false } });
    const serverSeries = builtinServerPoints(record.serverSeries ?? []);
    expect(serverSeries.length).toBeGreaterThanOrEqual(1);
    for (const point of serverSeries) expect(point.runTMs).toBeGreaterThanOrEqual(0);
    // The telemetry covers the run to its end (the sample for the last moments comes after it).
    expect(serverSeries.at(-1)?.runTMs ?? 0).toBeGreaterThanOrEqual(record.summary.durationMs);
    expect(serverSeries.reduce((sum, point) => sum + point.requests.served, 0)).toBeGreaterThan(0);
    expect((await lab.call('run.status', {})).state).toBe('idle');
    // Time zero moves to when the load threads were ready: the record's start.
    const running = statuses.filter((status) => status.state === 'running');
    expect(running.at(-1)?.startedAtMs).toBe(Date.parse(record.startedAt ?? ''));
    expect(running.at(-1)?.startedAtMs ?? 0).toBeGreaterThan(running[0]?.startedAtMs ?? Infinity);
  });

  it('keeps what a stopped run measured', async () => {
    await lab.call('server.start', { port: 0 });
    const finished = next('run.finished');
    // The first sample, not a fixed sleep: the load threads may take over a second to start on a
    // busy machine, and a run stopped before they are ready has measured nothing.
    const sampled = next('run.sample');
    await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'max', threads: 1, connections: 2, durationMs: 60_000 });
    await sampled;
    expect((await lab.call('run.stop', {})).state).toBe('stopping');
    const { header } = await finished;
    expect(header.stoppedEarly).toBe(true);
    expect(header.requests).toBeGreaterThan(0);
    expect((await lab.call('journal.list', {})).runs).toHaveLength(1);
  });

  it('refuses bad configs and a second run with clear errors', async () => {
    await expect(lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'max' })).rejects.toThrow('the built-in server is not running');
    await expect(lab.call('run.start', { target: { kind: 'url', url: 'http://127.0.0.1:1/' }, mode: 'rate' })).rejects.toThrow('rate mode needs ratePerSec');
    await expect(lab.call('run.start', { target: { kind: 'url', url: 'http://127.0.0.1:1/' }, mode: 'max', threads: 4, connections: 2 })).rejects.toThrow(
      'connections (2) must be at least threads (4)',
    );
    await expect(lab.call('run.start', { target: { kind: 'url', url: 'ftp://x/' }, mode: 'max' })).rejects.toMatchObject({ code: 'bad-params' });
    await expect(lab.call('run.start', { mode: 'max' })).rejects.toThrow('run.start: target');
    await expect(lab.call('server.start', { model: 'fork-bomb' })).rejects.toMatchObject({ code: 'bad-params' });

    await lab.call('server.start', { port: 0 });
    await expect(lab.call('server.start', { port: 0 })).rejects.toThrow(/already running|is running/);
    const finished = next('run.finished');
    await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 50, threads: 1, connections: 1, durationMs: 1000 });
    await expect(lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'max', durationMs: 1000 })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.call('server.stop', {})).rejects.toThrow('stop the run first');
    await finished;
  });

  it('leaves nothing listening after close, and saves the run it stopped', async () => {
    const started = await lab.call('server.start', { port: 0 });
    const port = Number(new URL(started.url ?? '').port);
    expect(await portIsClosed(port)).toBe(false);
    const finished = collect('run.finished');
    // Closed while the load goes (its first sample came), not while its threads may still start.
    const sampled = next('run.sample');
    await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'max', threads: 1, connections: 1, durationMs: 60_000 });
    await sampled;
    await lab.close();
    expect(finished).toHaveLength(1);
    expect(await portIsClosed(port)).toBe(true);
    await expect(lab.call('server.status', {})).rejects.toThrow('the lab is closed');
    const reopened = await createLab({ journalDir: dir, host: 'web' });
    expect((await reopened.call('journal.list', {})).runs).toHaveLength(1);
    await reopened.close();
  });

  it('reports journal errors with their kind', async () => {
    await expect(lab.call('journal.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not-found', message: 'no run nope in the journal' });
    await expect(lab.call('journal.get', { id: '../x' })).rejects.toMatchObject({ code: 'bad-params' });
  });
});

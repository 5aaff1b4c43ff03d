// A UI that attaches during a run (a reloaded page) gets the run's samples so far, and a UI about
// to run against a URL can ask whether anything listens there (issue 11, items 6 and 10).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSampleEvent } from '../common/labApi.ts';
import { createLab, type Lab } from './lab.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-attach-'));
  lab = await createLab({ journalDir: dir, host: 'web' });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('attaching to a run', () => {
  it('run.samples gives every sample so far, the latest with the histograms; none when idle', async () => {
    expect(await lab.call('run.samples', {})).toEqual({ runId: null, samples: [], serverSamples: [] });
    await lab.call('server.start', { port: 0 });
    const seen: RunSampleEvent[] = [];
    const twoSamples = new Promise<void>((resolve) => {
      lab.on('run.sample', (sample) => {
        seen.push(sample);
        if (seen.length === 2) resolve();
      });
    });
    const idle = new Promise<void>((resolve) => {
      lab.on('run.status', (status) => {
        if (status.state === 'idle') resolve();
      });
    });
    const status = await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 100, threads: 1, connections: 2, durationMs: 60_000 });
    await twoSamples;
    const history = await lab.call('run.samples', {});
    expect(history.runId).toBe(status.runId);
    expect(history.samples.map((sample) => sample.point.tMs)).toEqual(seen.map((sample) => sample.point.tMs));
    expect(history.samples[0]?.histograms).toBeNull();
    expect(history.samples.at(-1)?.histograms?.correctedUs).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(history.serverSamples.length).toBeGreaterThanOrEqual(1);
    lab.call('run.stop', {}).catch(() => undefined);
    await idle;
    expect((await lab.call('run.samples', {})).samples).toEqual([]);
  });
});

describe('target.check', () => {
  it('names the built-in server port when nothing listens on the target', async () => {
    const started = await lab.call('server.start', { port: 0 });
    const builtinPort = new URL(started.url ?? '').port;
    const port = await freePort();
    expect(await lab.call('target.check', { target: { kind: 'url', url: `http://localhost:${port}/` } })).toMatchObject({
      reachable: false,
      problem: 'refused',
      message: `nothing is listening on localhost:${port} — the built-in server is on port ${builtinPort}`,
    });
    expect(await lab.call('target.check', { target: { kind: 'url', url: `${started.url ?? ''}/` } })).toMatchObject({ reachable: true });
    expect(await lab.call('target.check', { target: { kind: 'builtin', path: '/' } })).toMatchObject({ reachable: true });
  });

  it('a stopped built-in server is not reachable, with a clear reason', async () => {
    expect(await lab.call('target.check', { target: { kind: 'builtin', path: '/' } })).toMatchObject({ reachable: false, message: 'the built-in server is not running: start it first' });
  });
});

// Repeats in the lab over loopback: every run saved, the entry of kind 'repeat' at the end (read
// back with its spread), sweeps' listing unaffected, one run, sweep or repeat at a time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabEventName, LabEvents } from '../common/labApi.ts';
import { createLab, type Lab } from './lab.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-repeat-'));
  lab = await createLab({ journalDir: dir, host: 'web' });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function next<E extends LabEventName>(event: E, timeoutMs = 60_000): Promise<LabEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const off = lab.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe('lab repeats', () => {
  it('saves each run and the entry; the journal reads it back with the spread of its runs', async () => {
    await lab.call('server.start', { model: 'event-loop', port: 0 });
    const runs: LabEvents['repeat.run'][] = [];
    lab.on('repeat.run', (event) => runs.push(event));
    const finished = next('repeat.finished');
    const status = await lab.call('repeat.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 300, repeats: 2 });
    expect(status).toMatchObject({ state: 'running', groups: ['event-loop'], total: 2 });
    await expect(lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 10, durationMs: 200 })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.call('sweep.start', { target: { kind: 'builtin', path: '/' }, rates: [10] })).rejects.toMatchObject({ code: 'busy' });
    const end = await finished;
    expect(end.saveError).toBeNull();
    expect(runs.map((event) => event.run.order)).toEqual([0, 1]);
    expect((await lab.call('journal.list', {})).runs).toHaveLength(2);
    const { repeats } = await lab.call('journal.repeats', {});
    expect(repeats.map((repeat) => repeat.id)).toEqual([end.view.experiment.id]);
    // Sweeps' listing stays sweeps only: a repeat is neither listed nor a damaged file there.
    expect(await lab.call('journal.experiments', {})).toEqual({ experiments: [], problems: [] });
    const view = await lab.call('journal.repeat', { id: end.view.experiment.id });
    expect(view.runs.map((run) => run.header.id)).toEqual(end.view.runs.map((run) => run.header.id));
    expect(view.comparison).toBeNull();
    expect(view.spread?.metrics.find((row) => row.metric.key === 'reqPerSec')?.value.knownRuns).toBe(2);
    await expect(lab.call('journal.experiment', { id: end.view.experiment.id })).rejects.toMatchObject({ code: 'not-found' });
  }, 90_000);

  it('refuses repeats while a run goes, and bad plans with a message', async () => {
    await expect(lab.call('repeat.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 20, repeats: 2 })).rejects.toMatchObject({ code: 'bad-params', message: /not running/ });
    await expect(lab.call('repeat.start', { target: { kind: 'url', url: 'http://127.0.0.1:9/' }, mode: 'max', repeats: 1 })).rejects.toMatchObject({ code: 'bad-params', message: /repeats/ });
    await expect(lab.call('repeat.start', { target: { kind: 'url', url: 'http://127.0.0.1:9/' }, mode: 'conn-rate', repeats: 2 })).rejects.toMatchObject({ code: 'bad-params', message: /rate or max/ });
  });
});

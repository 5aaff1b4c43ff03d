// Sweeps in the lab over loopback: every step saved as a run, the entry at the end, one run or
// sweep at a time, bad plans refused, and the journal's view of the experiment.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabEventName, LabEvents } from '../common/labApi.ts';
import { createLab, type Lab } from './lab.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-sweep-'));
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

function next<E extends LabEventName>(event: E, timeoutMs = 30_000): Promise<LabEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const off = lab.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

const tiny = { target: { kind: 'builtin' as const, path: '/' }, threads: 1, connections: 2, stepDurationMs: 400 };

describe('lab sweeps', () => {
  it('runs each step as a saved run and saves the experiment entry at the end', async () => {
    await lab.call('server.start', { model: 'event-loop', port: 0 });
    const steps = collect('sweep.step');
    const runsFinished = collect('run.finished');
    const finished = next('sweep.finished');
    const status = await lab.call('sweep.start', { ...tiny, rates: [20, 40, 60], warmupMs: 200, title: 'tiny' });
    expect(status).toMatchObject({ state: 'running', plannedRatesPerSec: [20, 40, 60] });
    // One run or sweep at a time.
    await expect(lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 10, durationMs: 200 })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.call('sweep.start', { ...tiny, rates: [10, 20] })).rejects.toMatchObject({ code: 'busy' });
    const { view, saveError } = await finished;
    expect(saveError).toBeNull();
    expect(steps.map((event) => event.step.targetPerSec)).toEqual([20, 40, 60]);
    expect(steps[0]?.step.header.title).toBe('tiny @ 20 req/s');
    expect(steps[0]?.step.latencyUs.p50).toBeGreaterThan(0);
    // Warm-up runs are not saved: three runs for three steps.
    expect(runsFinished).toHaveLength(3);
    const { runs } = await lab.call('journal.list', {});
    expect(runs.map((run) => run.id).sort()).toEqual(view.steps.map((step) => step.header.id).sort());
    expect(view.experiment).toMatchObject({ kind: 'sweep', title: 'tiny', plan: { plannedRatesPerSec: [20, 40, 60], stepDurationMs: 400, warmupMs: 200 } });
    expect(view.kneeSummary).toMatch(/req\/s/);
    const { experiments } = await lab.call('journal.experiments', {});
    expect(experiments.map((experiment) => experiment.id)).toEqual([view.experiment.id]);
    const shown = await lab.call('journal.experiment', { id: view.experiment.id });
    expect(shown.steps.map((step) => step.header.id)).toEqual(view.steps.map((step) => step.header.id));
    expect(shown.missing).toEqual([]);
    // A deleted step is named as missing; the rest still make the curve.
    await lab.call('journal.delete', { id: view.steps[0]?.header.id ?? '' });
    const without = await lab.call('journal.experiment', { id: view.experiment.id });
    expect(without.missing).toEqual([view.steps[0]?.header.id]);
    expect(without.steps).toHaveLength(2);
    expect((await lab.call('sweep.status', {})).state).toBe('idle');
  }, 60_000);

  it('stops between steps on sweep.stop, keeping the steps measured', async () => {
    await lab.call('server.start', { model: 'event-loop', port: 0 });
    const finished = next('sweep.finished');
    const firstStep = next('sweep.step');
    await lab.call('sweep.start', { ...tiny, rates: [20, 40, 60, 80] });
    await firstStep;
    expect((await lab.call('sweep.stop', {})).state).toBe('stopping');
    const { view } = await finished;
    expect(view.experiment.endedEarly).toBe('stopped');
    expect(view.steps.length).toBeLessThan(4);
    expect(view.steps.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('refuses bad plans with a clear message', async () => {
    await expect(lab.call('sweep.start', { ...tiny, rates: [20, 40] })).rejects.toMatchObject({ code: 'bad-params', message: /built-in server is not running/ });
    await lab.call('server.start', { model: 'event-loop', port: 0 });
    await expect(lab.call('sweep.start', { ...tiny, rates: [40, 20] })).rejects.toMatchObject({ code: 'bad-params', message: /rates must increase/ });
    await expect(lab.call('sweep.start', { ...tiny, rates: { from: 50, to: 10, steps: 3 } })).rejects.toMatchObject({ code: 'bad-params', message: /from < to/ });
    await expect(lab.call('sweep.start', { ...tiny, rates: [10, 20], slo: 'p99=fast' })).rejects.toMatchObject({ code: 'bad-params', message: /slo/ });
    await expect(lab.call('sweep.start', { ...tiny, rates: Array.from({ length: 51 }, (_, i) => i + 1) })).rejects.toMatchObject({ code: 'bad-params' });
    await expect(lab.call('journal.experiment', { id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await lab.call('sweep.status', {})).state).toBe('idle');
  });
});

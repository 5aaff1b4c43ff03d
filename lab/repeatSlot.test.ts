// The repeat slot with a fake run slot: runs alternate across models (A B A B), each model made
// the built-in server's before its run, the entry holds the runs by group, a stop between runs
// ends with what was measured, and refused plans say why.
import { describe, expect, it } from 'vitest';
import type { RepeatExperimentRecord } from '../common/experimentRecord.ts';
import type { LabEvents, RepeatStatus } from '../common/labApi.ts';
import type { ServerModel } from '../common/serverTelemetry.ts';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import type { RunParams } from './runParams.ts';
import { RepeatSlot, type RepeatParams, type RepeatSlotDeps } from './repeatSlot.ts';

const base: RepeatParams = {
  target: { kind: 'builtin', path: '/' },
  mode: 'rate',
  threads: 1,
  connections: 2,
  durationMs: 1000,
  ratePerSec: 100,
  timeoutMs: 2000,
  method: 'GET',
  headers: [],
  body: '',
  keepAlive: true,
  insecure: false,
  connRate: null,
  title: 'fake',
  repeats: 3,
  models: [],
};

function fakeDeps(options: { onRun?: (slot: RepeatSlot, count: number) => void } = {}) {
  const log: string[] = [];
  const started: RunParams[] = [];
  const statuses: RepeatStatus[] = [];
  const runs: LabEvents['repeat.run'][] = [];
  const saved: RepeatExperimentRecord[] = [];
  const ends: Array<LabEvents['repeat.finished'] | LabEvents['repeat.failed']> = [];
  let model: ServerModel = 'event-loop';
  let slot: RepeatSlot | null = null;
  const deps: RepeatSlotDeps = {
    runOne: (runParams) => {
      started.push(runParams);
      log.push(`run on ${model}`);
      const record = simulatedRecord({ ratePerSec: 100, durationMs: runParams.durationMs, seed: started.length });
      return Promise.resolve({ ...record, id: `r${started.length}` });
    },
    stopRun: () => undefined,
    useModel: (next) => {
      if (next !== model) log.push(`restart as ${next}`);
      model = next;
      return Promise.resolve();
    },
    builtinModel: () => model,
    saveRepeat: (record) => (saved.push(record), Promise.resolve()),
    targetLabel: (p) => (p.target.kind === 'url' ? p.target.url : 'built-in /'),
    status: (status) => statuses.push(status),
    run: (event) => {
      runs.push(event);
      if (slot !== null) options.onRun?.(slot, runs.length);
    },
    finished: (event) => ends.push(event),
    failed: (event) => ends.push(event),
  };
  return { deps, log, started, statuses, runs, saved, ends, bind: (s: RepeatSlot) => (slot = s) };
}

describe('RepeatSlot', () => {
  it('repeats one configuration N times and keeps a spread, not a comparison', async () => {
    const fake = fakeDeps();
    const slot = new RepeatSlot(fake.deps);
    expect(slot.start(base)).toMatchObject({ state: 'running', groups: ['event-loop'], total: 3 });
    expect(() => slot.start(base)).toThrow(/already going/);
    await slot.done;
    expect(fake.log).toEqual(['run on event-loop', 'run on event-loop', 'run on event-loop']);
    expect(fake.started.map((p) => p.title)).toEqual(['fake · run 1/3', 'fake · run 2/3', 'fake · run 3/3']);
    expect(fake.started.every((p) => p.tags?.includes('repeat'))).toBe(true);
    expect(fake.saved[0]).toMatchObject({ kind: 'repeat', id: 'r1-repeat', title: 'fake', plan: { groups: ['event-loop'], repeats: 3 }, endedEarly: null });
    const end = fake.ends[0];
    expect(end !== undefined && 'view' in end ? end.view.spread?.label : null).toBe('event-loop');
    expect(end !== undefined && 'view' in end ? end.view.comparison : 'none').toBeNull();
    expect(slot.status.state).toBe('idle');
  });

  it('alternates models A B A B, restarting the built-in server before each run', async () => {
    const fake = fakeDeps();
    const slot = new RepeatSlot(fake.deps);
    const untitled: RepeatParams = { ...base, repeats: 2, models: ['pool-shared', 'event-loop'] };
    delete untitled.title;
    slot.start(untitled);
    await slot.done;
    expect(fake.log).toEqual(['restart as pool-shared', 'run on pool-shared', 'restart as event-loop', 'run on event-loop', 'restart as pool-shared', 'run on pool-shared', 'restart as event-loop', 'run on event-loop', 'restart as pool-shared']);
    expect(fake.saved[0]?.title).toBe('repeat pool-shared vs event-loop on built-in /');
    expect(fake.started[1]?.title).toBe('repeat pool-shared vs event-loop on built-in / · event-loop · run 1/2');
    expect(fake.saved[0]?.runs).toEqual([
      { runId: 'r1', group: 0 },
      { runId: 'r2', group: 1 },
      { runId: 'r3', group: 0 },
      { runId: 'r4', group: 1 },
    ]);
    const end = fake.ends[0];
    const comparison = end !== undefined && 'view' in end ? end.view.comparison : null;
    expect(comparison?.baselineLabel).toBe('pool-shared');
    // Two runs a side: Compare's words for too few runs, never a claim.
    expect(comparison?.metrics.find((m) => m.metric.key === 'reqPerSec')?.others[0]?.change.verdict).toBe('too-few-runs');
  });

  it('stops between runs and keeps what was measured, marked stopped', async () => {
    const fake = fakeDeps({ onRun: (slot, count) => count === 2 && slot.stop() });
    const slot = new RepeatSlot(fake.deps);
    fake.bind(slot);
    slot.start({ ...base, repeats: 5 });
    await slot.done;
    expect(fake.started).toHaveLength(2);
    expect(fake.saved[0]).toMatchObject({ endedEarly: 'stopped', runs: [{ runId: 'r1' }, { runId: 'r2' }] });
    expect(fake.statuses.some((status) => status.state === 'stopping')).toBe(true);
  });

  it('refuses connection-rate runs and models on a URL target', () => {
    const slot = new RepeatSlot(fakeDeps().deps);
    expect(() => slot.start({ ...base, mode: 'conn-rate' })).toThrow(/rate or max/);
    expect(() => slot.start({ ...base, target: { kind: 'url', url: 'http://127.0.0.1:1/' }, models: ['single', 'event-loop'] })).toThrow(/built-in server/);
    expect(slot.status.state).toBe('idle');
  });
});

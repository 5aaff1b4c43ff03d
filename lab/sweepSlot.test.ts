// The sweep slot with a fake run slot: the steps' params, warm-ups unsaved, a failed step ends
// the sweep as failed, a failed entry save is reported with the view, and stop between steps.
import { describe, expect, it } from 'vitest';
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import type { LabEvents, SweepStatus } from '../common/labApi.ts';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import type { RunParams } from './runParams.ts';
import { SweepSlot, type SweepParams, type SweepSlotDeps } from './sweepSlot.ts';

const params: SweepParams = {
  target: { kind: 'url', url: 'http://127.0.0.1:1/' },
  threads: 1,
  connections: 2,
  rates: [10, 20, 40],
  stepDurationMs: 1000,
  warmupMs: 300,
  refineSteps: 0,
  slo: null,
  timeoutMs: 2000,
  keepAlive: true,
  title: 'fake',
};

function fakeDeps(options: { failAt?: number; saveFails?: boolean; onStep?: (slot: SweepSlot) => void } = {}) {
  const started: { params: RunParams; save: boolean }[] = [];
  const statuses: SweepStatus[] = [];
  const steps: LabEvents['sweep.step'][] = [];
  const saved: ExperimentRecord[] = [];
  const ends: Array<LabEvents['sweep.finished'] | LabEvents['sweep.failed']> = [];
  let slot: SweepSlot | null = null;
  const deps: SweepSlotDeps = {
    runStep: (runParams, save) => {
      started.push({ params: runParams, save });
      const rate = runParams.ratePerSec ?? 0;
      if (save && rate === options.failAt) return Promise.reject(new Error('the load threads died'));
      const record = simulatedRecord({ ratePerSec: rate, durationMs: runParams.durationMs, seed: rate });
      return Promise.resolve({ ...record, id: `r${rate}${save ? '' : 'w'}` });
    },
    stopStep: () => undefined,
    saveExperiment: (record) => (options.saveFails === true ? Promise.reject(new Error('EROFS')) : (saved.push(record), Promise.resolve())),
    targetLabel: (p) => (p.target.kind === 'url' ? p.target.url : 'built-in'),
    status: (status) => statuses.push(status),
    step: (event) => {
      steps.push(event);
      if (slot !== null) options.onStep?.(slot);
    },
    finished: (event) => ends.push(event),
    failed: (event) => ends.push(event),
  };
  return { deps, started, statuses, steps, saved, ends, bind: (s: SweepSlot) => (slot = s) };
}

describe('SweepSlot', () => {
  it('runs a warm-up (not saved) and a step per rate, then saves the entry', async () => {
    const fake = fakeDeps();
    const slot = new SweepSlot(fake.deps);
    const status = slot.start(params);
    expect(status).toMatchObject({ state: 'running', plannedRatesPerSec: [10, 20, 40] });
    expect(() => slot.start(params)).toThrow(/already going/);
    await slot.done;
    expect(fake.started.map((s) => [s.params.ratePerSec, s.params.durationMs, s.save])).toEqual([
      [10, 300, false],
      [10, 1000, true],
      [20, 300, false],
      [20, 1000, true],
      [40, 300, false],
      [40, 1000, true],
    ]);
    expect(fake.started[1]?.params).toMatchObject({ mode: 'rate', title: 'fake @ 10 req/s', tags: ['sweep'], target: params.target });
    expect(fake.steps.map((event) => event.step.header.id)).toEqual(['r10', 'r20', 'r40']);
    expect(fake.saved[0]?.steps.map((step) => step.runId)).toEqual(['r10', 'r20', 'r40']);
    expect(fake.ends[0]).toMatchObject({ saveError: null, view: { experiment: { id: 'r10-sweep', plan: { url: 'http://127.0.0.1:1/', warmupMs: 300 } } } });
    expect(fake.statuses.some((s) => s.current?.phase === 'warmup')).toBe(true);
    expect(slot.status.state).toBe('idle');
  });

  it('ends as failed when a step fails, and is idle again', async () => {
    const fake = fakeDeps({ failAt: 20 });
    const slot = new SweepSlot(fake.deps);
    slot.start(params);
    await slot.done;
    expect(fake.ends).toEqual([{ sweepId: expect.stringMatching(/^sweep-/), message: 'the load threads died' }]);
    expect(fake.saved).toEqual([]);
    expect(slot.status.state).toBe('idle');
  });

  it('reports a failed entry save with the view of the steps', async () => {
    const fake = fakeDeps({ saveFails: true });
    const slot = new SweepSlot(fake.deps);
    slot.start({ ...params, warmupMs: null });
    await slot.done;
    expect(fake.ends[0]).toMatchObject({ saveError: 'EROFS', view: { steps: [{ targetPerSec: 10 }, { targetPerSec: 20 }, { targetPerSec: 40 }] } });
  });

  it('stops between steps, keeping what was measured', async () => {
    const fake = fakeDeps({ onStep: (slot) => slot.stop() });
    const slot = new SweepSlot(fake.deps);
    fake.bind(slot);
    slot.start({ ...params, warmupMs: null });
    await slot.done;
    expect(fake.steps).toHaveLength(1);
    expect(fake.saved[0]?.endedEarly).toBe('stopped');
  });
});

import { describe, expect, it } from 'vitest';
import type { SweepStatus, SweepStepView, SweepView } from '../../../common/labApi.ts';
import type { RunHeader } from '../../../common/runHeader.ts';
import { idleSweep, withSweepFailed, withSweepFinished, withSweepStatus, withSweepStep, type SweepState } from './sweep.ts';

const running: SweepStatus = { ...idleSweep, state: 'running', sweepId: 's1', plannedRatesPerSec: [10, 20], current: { ratePerSec: 10, phase: 'step' } };
const step = (order: number): SweepStepView => ({
  order,
  kind: 'step',
  header: { id: `r${order}` } as RunHeader,
  targetPerSec: 10 * (order + 1),
  achievedPerSec: 10 * (order + 1),
  completion: 1,
  errorsPct: 0,
  latencyUs: { p50: 1, p90: 2, p99: 3, p999: 4 },
  lowerBounds: [],
  good: true,
  gaveOut: false,
  reasons: [],
});

describe('sweep reducers', () => {
  it('grows the steps of the sweep going, ignoring other sweeps’ steps and repeats', () => {
    let sweep: SweepState = withSweepStatus({ status: idleSweep, outcome: { sweepId: 's0', failed: 'old' } }, running);
    expect(sweep.outcome).toBeNull();
    sweep = withSweepStep(sweep, { sweepId: 's1', step: step(0), plannedSteps: 2 });
    sweep = withSweepStep(sweep, { sweepId: 's1', step: step(0), plannedSteps: 2 });
    sweep = withSweepStep(sweep, { sweepId: 'other', step: step(1), plannedSteps: 2 });
    expect(sweep.status.steps.map((s) => s.order)).toEqual([0]);
    expect(sweep.status.current).toBeNull();
    // The idle status after the end keeps the curve on screen.
    sweep = withSweepStatus(sweep, idleSweep);
    expect(sweep.status).toMatchObject({ state: 'idle', sweepId: 's1' });
    expect(sweep.status.steps).toHaveLength(1);
  });

  it('keeps the end: the view with its knee, or why it failed', () => {
    const view = { steps: [step(0), step(1)], kneePerSec: 20, kneeSummary: 'knee', missing: [] } as unknown as SweepView;
    const started = withSweepStatus({ status: idleSweep, outcome: null }, running);
    const finished = withSweepFinished(started, { sweepId: 's1', view, saveError: null });
    expect(finished.outcome).toMatchObject({ view: { kneePerSec: 20 } });
    expect(finished.status.state).toBe('idle');
    // Attached after the end (no steps seen): the view's steps are shown.
    expect(withSweepFinished({ status: idleSweep, outcome: null }, { sweepId: 's1', view, saveError: null }).status.steps).toHaveLength(2);
    expect(withSweepFailed(started, { sweepId: 's1', message: 'boom' }).outcome).toEqual({ sweepId: 's1', failed: 'boom' });
  });
});

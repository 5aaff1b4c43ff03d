// A rate sweep: constant-rate runs at increasing rates, stopped one step past the point where
// the server gave out, then optionally refined by bisection between the last good and the first
// bad rate. The runs themselves are made by the caller (`runStep`), so the driver is testable
// with synthetic records and the CLI and the lab share it.
import type { Threshold } from '../common/slo.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { DEFAULT_ERROR_LIMIT_PCT, findKnee, judgeStep, type KneeResult, type StepJudgement, type StepOutcome } from './knee.ts';
import { stepOutcome } from './stepOutcome.ts';
import { bisectRate } from './sweepPlan.ts';

export interface SweepPlan {
  /** Increasing target rates, req/s. */
  ratesPerSec: number[];
  /** Bisection steps after the sweep, between the last good and the first bad rate. */
  refineSteps: number;
  slo: Threshold[] | null;
  /** Errors above this share of scheduled requests mean the server gave out. */
  errorLimitPct: number;
}

export interface SweepStep<R extends RunRecord = RunRecord> {
  /** Order in which the step ran, from 0. */
  order: number;
  kind: 'step' | 'refine';
  record: R;
  outcome: StepOutcome;
  judgement: StepJudgement;
}

export interface SweepResult<R extends RunRecord = RunRecord> {
  /** Every step, sorted by target rate (refinement steps in their place). */
  steps: SweepStep<R>[];
  knee: KneeResult;
  /** Why the sweep ended before its last planned rate; null when it ran them all. */
  endedEarly: { reason: 'gave-out'; atPerSec: number } | { reason: 'stopped' } | null;
}

export interface SweepDriver<R extends RunRecord> {
  runStep(targetPerSec: number, kind: 'step' | 'refine'): Promise<R>;
  onStep?(step: SweepStep<R>, plannedSteps: number): void;
  /** Polled between steps: true ends the sweep (Ctrl-C, Stop in the app). */
  stopRequested?(): boolean;
}

/** The error limit a sweep uses: the SLO's errors threshold, else the default. */
export function errorLimitOf(slo: readonly Threshold[] | null): number {
  const errors = slo?.find((threshold) => threshold.kind === 'errors');
  return errors?.kind === 'errors' ? errors.maxPct : DEFAULT_ERROR_LIMIT_PCT;
}

function byRate<R extends RunRecord>(steps: readonly SweepStep<R>[]): SweepStep<R>[] {
  return [...steps].sort((a, b) => a.outcome.targetPerSec - b.outcome.targetPerSec);
}

export async function runSweep<R extends RunRecord>(plan: SweepPlan, driver: SweepDriver<R>): Promise<SweepResult<R>> {
  if (plan.ratesPerSec.length === 0) throw new RangeError('a sweep needs at least one rate');
  const steps: SweepStep<R>[] = [];
  let lowestP99Us: number | null = null;
  let endedEarly: SweepResult<R>['endedEarly'] = null;
  let planned = plan.ratesPerSec.length + plan.refineSteps;

  const run = async (targetPerSec: number, kind: 'step' | 'refine'): Promise<SweepStep<R>> => {
    const record = await driver.runStep(targetPerSec, kind);
    const outcome = stepOutcome(record, plan.slo);
    if (steps.length === 0) lowestP99Us = outcome.p99IsLowerBound ? null : outcome.p99Us;
    const step: SweepStep<R> = { order: steps.length, kind, record, outcome, judgement: judgeStep(outcome, lowestP99Us, plan.errorLimitPct) };
    steps.push(step);
    driver.onStep?.(step, planned);
    return step;
  };

  for (const [i, rate] of plan.ratesPerSec.entries()) {
    if (driver.stopRequested?.()) {
      endedEarly = { reason: 'stopped' };
      break;
    }
    const step = await run(rate, 'step');
    if (step.judgement.gaveOut && i < plan.ratesPerSec.length - 1) {
      endedEarly = { reason: 'gave-out', atPerSec: rate };
      planned = steps.length + plan.refineSteps;
      break;
    }
  }

  if (endedEarly?.reason !== 'stopped') {
    for (let k = 0; k < plan.refineSteps; k++) {
      const knee = findKnee(byRate(steps).map((step) => step.outcome), plan.errorLimitPct);
      if (knee.kneeIndex === null || knee.firstBadIndex === null || driver.stopRequested?.()) break;
      const sorted = byRate(steps);
      const good = sorted[knee.kneeIndex]?.outcome.targetPerSec;
      const bad = sorted[knee.firstBadIndex]?.outcome.targetPerSec;
      const middle = good === undefined || bad === undefined ? null : bisectRate(good, bad);
      if (middle === null) break;
      await run(middle, 'refine');
    }
  }

  const sorted = byRate(steps);
  return { steps: sorted, knee: findKnee(sorted.map((step) => step.outcome), plan.errorLimitPct), endedEarly };
}

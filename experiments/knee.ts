// Where a server gives out, from the steps of a rate sweep. Pure: a function of step outcomes.
//
// The rule (README "Sweeps"):
// - A step is *sustained* when it achieved at least 99 % of its target rate and answered at least
//   99.9 % of the requests it scheduled. Achieved counts the responses within the step (wrk2's
//   req/s); those still on their way at its end are drained, not counted. A server that keeps up
//   has about target × p50 of them in flight (Little's law), so that many requests, plus one, are
//   allowed short of the 99 %: without it a healthy 1 s step at 160 req/s and 25 ms read 98.1 %,
//   and a 10 s step of a 150 ms endpoint 98.5 %. A server that falls behind builds a queue that
//   grows its p50 too, but its shortfall grows about twice as fast, so it still fails.
// - A step is *within limits* when it meets the SLO given; without one, when its p99 is known,
//   not a lower bound, and at most 3× the p99 of the lowest step.
// - A step is *good* when both hold. The knee is the highest good rate below the first step that
//   is not good (a good step above a bad one is noise or recovery, reported but not trusted).
// - The sweep stops after the first step where the server has clearly given out (achieved below
//   97 % of the target, completion below 99 %, or errors above the threshold): one step past the
//   knee is enough.
import type { SloVerdict } from './stepOutcome.ts';

export const SUSTAINED_ACHIEVED_SHARE = 0.99;
export const SUSTAINED_COMPLETION = 0.999;
export const GAVE_OUT_ACHIEVED_SHARE = 0.97;
export const GAVE_OUT_COMPLETION = 0.99;
/** Without an SLO, errors above this share of scheduled requests mean the server gave out. */
export const DEFAULT_ERROR_LIMIT_PCT = 1;
/** Without an SLO, a step's p99 may be at most this many times the lowest step's. */
export const P99_GROWTH_LIMIT = 3;

/** What the knee rule reads of one step. */
export interface StepOutcome {
  targetPerSec: number;
  achievedPerSec: number;
  /** The step's measured duration (the denominator of achievedPerSec). */
  durationMs: number;
  /** The step's corrected p50 (a lower bound counts as is); null when nothing was answered. */
  p50Us: number | null;
  /** Answered share of scheduled requests, 0..1; null when unknown. */
  completion: number | null;
  p99Us: number | null;
  /** True when p99 is a lower bound (unanswered requests censored into it). */
  p99IsLowerBound: boolean;
  /** Errors as a percentage of scheduled requests; null when unknown. */
  errorsPct: number | null;
  /** The SLO's verdict on this step; null when the sweep has no SLO. */
  slo: SloVerdict | null;
}

export type StepJudgement = {
  sustained: boolean;
  withinLimits: boolean;
  good: boolean;
  gaveOut: boolean;
  /** Why the step is not good or gave out, in words; empty when good. */
  reasons: string[];
};

/** Requests a step may fall short by and still count as sustained: those in flight at its end. */
export function inFlightAllowance(step: StepOutcome): number {
  return 1 + (step.targetPerSec * (step.p50Us ?? 0)) / 1e6;
}

/** Achieved at least 99 % of the target, less the requests in flight at the step's end. */
function keptRate(step: StepOutcome): boolean {
  const allowancePerSec = step.durationMs > 0 ? (inFlightAllowance(step) * 1000) / step.durationMs : 0;
  return step.achievedPerSec >= SUSTAINED_ACHIEVED_SHARE * step.targetPerSec - allowancePerSec;
}

export function isSustained(step: StepOutcome): boolean {
  return keptRate(step) && step.completion !== null && step.completion >= SUSTAINED_COMPLETION;
}

export function judgeStep(step: StepOutcome, lowestP99Us: number | null, errorLimitPct: number): StepJudgement {
  const reasons: string[] = [];
  const achievedShare = step.achievedPerSec / step.targetPerSec;
  if (!keptRate(step)) reasons.push(`achieved ${(achievedShare * 100).toFixed(1)} % of the target`);
  if (step.completion === null) reasons.push('completion unknown');
  else if (step.completion < SUSTAINED_COMPLETION) reasons.push(`completion ${(step.completion * 100).toFixed(2)} %`);
  const sustained = reasons.length === 0;
  let withinLimits: boolean;
  if (step.slo !== null) {
    withinLimits = step.slo.passed;
    for (const failed of step.slo.failed) reasons.push(failed);
  } else if (step.p99Us === null || step.p99IsLowerBound || lowestP99Us === null) {
    withinLimits = false;
    reasons.push(step.p99Us === null ? 'p99 unknown' : step.p99IsLowerBound ? 'p99 only a lower bound' : 'no p99 at the lowest step to compare with');
  } else {
    withinLimits = step.p99Us <= P99_GROWTH_LIMIT * lowestP99Us;
    if (!withinLimits) reasons.push(`p99 ${(step.p99Us / lowestP99Us).toFixed(1)}× the lowest step's`);
  }
  const errorsOver = step.errorsPct !== null && step.errorsPct > errorLimitPct;
  if (errorsOver) reasons.push(`errors ${step.errorsPct?.toPrecision(3)} % > ${errorLimitPct} %`);
  const gaveOut =
    achievedShare < GAVE_OUT_ACHIEVED_SHARE || (step.completion !== null && step.completion < GAVE_OUT_COMPLETION) || errorsOver;
  return { sustained, withinLimits, good: sustained && withinLimits && !errorsOver, gaveOut, reasons };
}

export interface KneeResult {
  /** The knee's target rate; null when even the lowest step was not good. */
  kneePerSec: number | null;
  /** Index of the knee step in rate order; null with it. */
  kneeIndex: number | null;
  /** The first step that was not good, in rate order; null when every step was good. */
  firstBadIndex: number | null;
  /** The highest throughput any step achieved. */
  highestAchievedPerSec: number;
  /** Good steps above the first bad one (reported, not trusted as the knee). */
  goodAboveFirstBad: number[];
  /** In words: "knee at 4,000 req/s (the next step, 6,000 req/s: p99 4.2× the lowest step's)". */
  summary: string;
  judgements: StepJudgement[];
}

function rateText(perSec: number): string {
  return `${Math.round(perSec).toLocaleString('en-US')} req/s`;
}

/** The knee of steps sorted by target rate (the caller sorts refinement steps in). */
export function findKnee(steps: readonly StepOutcome[], errorLimitPct = DEFAULT_ERROR_LIMIT_PCT): KneeResult {
  if (steps.length === 0) throw new RangeError('no steps to find a knee in');
  for (let i = 1; i < steps.length; i++) {
    if ((steps[i]?.targetPerSec ?? 0) <= (steps[i - 1]?.targetPerSec ?? 0)) throw new RangeError('steps must be sorted by increasing target rate');
  }
  const lowest = steps[0];
  const lowestP99Us = lowest && !lowest.p99IsLowerBound ? lowest.p99Us : null;
  const judgements = steps.map((step) => judgeStep(step, lowestP99Us, errorLimitPct));
  const firstBad = judgements.findIndex((judgement) => !judgement.good);
  const firstBadIndex = firstBad === -1 ? null : firstBad;
  const kneeIndex = firstBadIndex === null ? steps.length - 1 : firstBadIndex === 0 ? null : firstBadIndex - 1;
  const goodAboveFirstBad = firstBadIndex === null ? [] : steps.slice(firstBadIndex + 1).filter((_, i) => judgements[firstBadIndex + 1 + i]?.good).map((step) => step.targetPerSec);
  const highestAchievedPerSec = steps.reduce((highest, step) => Math.max(highest, step.achievedPerSec), 0);
  const kneeStep = kneeIndex === null ? null : steps[kneeIndex];
  let summary: string;
  if (kneeStep === null || kneeStep === undefined) {
    summary = `no knee: not good even at the lowest rate, ${rateText(steps[0]?.targetPerSec ?? 0)} (${judgements[0]?.reasons.join('; ')})`;
  } else if (firstBadIndex === null) {
    summary = `no knee up to ${rateText(kneeStep.targetPerSec)}: every step was good`;
  } else {
    const bad = steps[firstBadIndex];
    summary = `knee at ${rateText(kneeStep.targetPerSec)} (the next step, ${rateText(bad?.targetPerSec ?? 0)}: ${judgements[firstBadIndex]?.reasons.join('; ')})`;
  }
  summary += `; highest throughput reached ${rateText(highestAchievedPerSec)}`;
  return {
    kneePerSec: kneeStep?.targetPerSec ?? null,
    kneeIndex,
    firstBadIndex,
    highestAchievedPerSec,
    goodAboveFirstBad,
    summary,
    judgements,
  };
}

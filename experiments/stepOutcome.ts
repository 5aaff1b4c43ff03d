// What the knee rule and the SLO read of a run record: the headline figures, with the unanswered
// requests counted (common/censored.ts) and each latency marked when it is only a lower bound.
import { headlineLatency } from '../common/censored.ts';
import { judgeSlo, type LatencyFigure, type SloFigures, type Threshold } from '../common/slo.ts';
import { totalErrors, type RunRecord } from '../common/runRecord.ts';
import type { StepOutcome } from './knee.ts';

export interface SloVerdict {
  passed: boolean;
  /** The failed thresholds in words ("p99 71.2ms > 50ms (over by 21.2ms, 42 %)"). */
  failed: string[];
}

const LATENCY_FIGURES: readonly LatencyFigure[] = ['mean', 'p50', 'p75', 'p90', 'p99', 'p999', 'p9999', 'max'];

export function sloFigures(record: RunRecord): SloFigures {
  const { summary } = record;
  const latencyUs = {} as Record<LatencyFigure, number | null>;
  const latencyLowerBounds: LatencyFigure[] = [];
  for (const figure of LATENCY_FIGURES) {
    const value = headlineLatency(summary, figure);
    latencyUs[figure] = value.valueUs;
    if (value.lowerBound) latencyLowerBounds.push(figure);
  }
  // Errors as a share of what the load meant to send (scheduled), else of what was answered.
  const base = summary.scheduled ?? (summary.requests > 0 ? summary.requests : null);
  const errors = summary.errors === null ? null : totalErrors(summary.errors);
  return {
    latencyUs,
    latencyLowerBounds,
    errorsPct: errors === null || base === null || base === 0 ? null : (errors / base) * 100,
    completionPct: summary.completion === null || summary.completion === undefined ? null : summary.completion * 100,
    reqPerSec: summary.reqPerSec,
  };
}

export function judgeRecord(record: RunRecord, slo: readonly Threshold[]): SloVerdict {
  const verdict = judgeSlo(slo, sloFigures(record));
  return { passed: verdict.passed, failed: verdict.results.filter((result) => !result.passed).map((result) => result.text) };
}

/** One sweep step's outcome from its run record. */
export function stepOutcome(record: RunRecord, slo: readonly Threshold[] | null): StepOutcome {
  const figures = sloFigures(record);
  const target = record.load.ratePerSec;
  if (target === null) throw new RangeError(`run ${record.id} has no target rate: a sweep step is a rate-mode run`);
  return {
    targetPerSec: target,
    achievedPerSec: record.summary.reqPerSec,
    durationMs: record.summary.durationMs,
    p50Us: figures.latencyUs.p50,
    completion: figures.completionPct === null ? null : figures.completionPct / 100,
    p99Us: figures.latencyUs.p99,
    p99IsLowerBound: figures.latencyLowerBounds.includes('p99'),
    errorsPct: figures.errorsPct,
    slo: slo === null ? null : judgeRecord(record, slo),
  };
}

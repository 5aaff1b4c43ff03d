// What the knee rule and the SLO read of a run record.
import { judgeSlo, type SloFigures, type Threshold } from '../common/slo.ts';
import { totalErrors, type RunRecord } from '../common/runRecord.ts';
import type { StepOutcome } from './knee.ts';

export interface SloVerdict {
  passed: boolean;
  /** The failed thresholds in words ("p99 71.2ms > 50ms (over by 21.2ms, 42 %)"). */
  failed: string[];
}

/** Requests the run's schedule asked for: answered, in flight at the end, never sent. */
function scheduledRequests(record: RunRecord): number | null {
  const { summary } = record;
  if (record.load.mode !== 'rate' || summary.inFlightAtEnd === null || summary.unsent === null) return null;
  return summary.requests + summary.inFlightAtEnd + summary.unsent;
}

export function sloFigures(record: RunRecord): SloFigures {
  const { summary } = record;
  const latency = summary.latencyUs;
  const scheduled = scheduledRequests(record);
  const answered = summary.requests;
  const unanswered = scheduled === null ? 0 : scheduled - answered;
  const errors = totalErrors(summary.errors);
  return {
    latencyUs: { mean: latency.mean, p50: latency.p50, p75: latency.p75, p90: latency.p90, p99: latency.p99, p999: latency.p999, p9999: latency.p9999, max: latency.max },
    latencyIsLowerBound: unanswered > 0,
    errorsPct: scheduled !== null && scheduled > 0 ? (errors / scheduled) * 100 : answered > 0 ? (errors / answered) * 100 : null,
    completionPct: scheduled !== null && scheduled > 0 ? (answered / scheduled) * 100 : null,
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
    completion: figures.completionPct === null ? null : figures.completionPct / 100,
    p99Us: figures.latencyUs.p99,
    p99IsLowerBound: figures.latencyIsLowerBound,
    errorsPct: figures.errorsPct,
    slo: slo === null ? null : judgeRecord(record, slo),
  };
}

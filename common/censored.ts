// Unanswered requests as right-censored latencies, and the run's completion.
//
// A scheduled request with no response when the run ended at T (in flight, or never sent though
// its intended time t fell inside the run) has a latency of at least T − t; a request given up
// after a timeout or a failed connection at time g, at least g − t. Those lower bounds are kept in
// their own histogram. Percentiles over answered + censored values are lower bounds of the true
// percentiles (raising any value never lowers a percentile), and exact when the answered values
// alone decide them:
//
//   with N = answered + censored and r = the percentile's rank among N, the percentile is exact
//   iff the r-th smallest answered value equals the r-th smallest of all values. Otherwise some
//   censored value sits at or below rank r, and its true value could lie anywhere above.
//
// So censored values near the top (the usual case: they waited until the end) move only the
// high percentiles; a run that answered less than half its requests has every percentile from
// p50 up as a lower bound. The mean and the max are lower bounds whenever anything is censored.
import type { JsHistogram } from 'hdr-histogram-js';
import { createLatencyHistogram, percentileRank, valueAtRank } from './histogram.ts';
import {
  BOUNDED_STATS,
  SUMMARY_PERCENTILES,
  type BoundedStat,
  type LatencyWithUnanswered,
  type PartialRunSummary,
  type RunSummary,
} from './runRecord.ts';

/** Completion below this is flagged everywhere it is shown. */
export const COMPLETION_FLAG_BELOW = 0.99;
/** Compare gives no latency verdict between runs whose completion differs by more than this (1 point). */
export const COMPLETION_COMPARABLE_WITHIN = 0.01;

/** Percentiles over answered + censored values, each marked exact or lower bound. Null when nothing is censored. */
export function latencyWithUnanswered(answered: JsHistogram, censored: JsHistogram): LatencyWithUnanswered | null {
  if (censored.totalCount === 0) return null;
  const combined = createLatencyHistogram();
  try {
    combined.add(answered);
    combined.add(censored);
    const total = combined.totalCount;
    const lowerBounds: BoundedStat[] = ['mean'];
    const figures: Record<BoundedStat, number | null> = { mean: combined.mean, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, max: combined.maxValue };
    for (const [percentile, key] of SUMMARY_PERCENTILES) {
      const rank = percentileRank(percentile, total);
      const value = valueAtRank(combined, rank);
      figures[key] = value;
      if (valueAtRank(answered, rank) !== value) lowerBounds.push(key);
    }
    lowerBounds.push('max');
    return { count: total, ...figures, lowerBounds: BOUNDED_STATS.filter((stat) => lowerBounds.includes(stat)) };
  } finally {
    combined.destroy();
  }
}

/** answered / scheduled; null when nothing was scheduled. */
export function completionRatio(answered: number, scheduled: number): number | null {
  return scheduled > 0 ? Math.min(1, answered / scheduled) : null;
}

type AnySummary = RunSummary | PartialRunSummary;

/** The run's completion, 0 to 1; null when unknown (imported runs, records older than the field). */
export function completionOf(summary: AnySummary): number | null {
  return summary.completion ?? null;
}

export function isIncomplete(completion: number | null): boolean {
  return completion !== null && completion < COMPLETION_FLAG_BELOW;
}

/** A latency figure as views show it: the value (null = unknown) and whether it is a lower bound. */
export interface BoundedValue {
  valueUs: number | null;
  lowerBound: boolean;
}

/**
 * The headline latency statistic of a run: over answered + unanswered requests when some went
 * unanswered (marked as a lower bound where a censored value can move it), else over the answered.
 */
export function headlineLatency(summary: AnySummary, stat: BoundedStat): BoundedValue {
  const bounded = summary.latencyWithUnansweredUs;
  if (bounded) return { valueUs: bounded[stat], lowerBound: bounded.lowerBounds.includes(stat) };
  return { valueUs: summary.latencyUs.count === 0 ? null : summary.latencyUs[stat], lowerBound: false };
}

/** "≥ 1.98 s", "812 µs" or "unknown", with the caller's number format. */
export function formatBounded(value: BoundedValue, format: (us: number) => string, unknown = 'unknown'): string {
  if (value.valueUs === null) return unknown;
  return `${value.lowerBound ? '≥ ' : ''}${format(value.valueUs)}`;
}

/** "99.2 %" style completion text with a trailing flag below 99 %: "25.0 % ⚠"; "unknown" when null. */
export function formatCompletion(completion: number | null, unknown = 'unknown'): string {
  if (completion === null) return unknown;
  const percent = completion * 100;
  const text = percent >= 99.95 && completion < 1 ? '99.9' : percent.toFixed(percent < 10 && percent > 0 ? 2 : 1);
  return `${text} %${isIncomplete(completion) ? ' ⚠' : ''}`;
}

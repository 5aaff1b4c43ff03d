import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, recordLatencyUs } from './histogram.ts';
import { completionRatio, formatCompletion, headlineLatency, isIncomplete, latencyWithUnanswered } from './censored.ts';
import { sampleMeasuredRecord } from './testing/sampleRecords.ts';

function histogramOf(valuesUs: readonly number[]) {
  const histogram = createLatencyHistogram();
  for (const value of valuesUs) recordLatencyUs(histogram, value);
  return histogram;
}

const range = (count: number, from: number, step: number): number[] => Array.from({ length: count }, (_, i) => from + i * step);

describe('latencyWithUnanswered: which percentiles a censored value can move', () => {
  it('nothing censored: null (the answered figures are the whole truth)', () => {
    expect(latencyWithUnanswered(histogramOf([100, 200]), histogramOf([]))).toBeNull();
  });

  // 990 answered at 100..1089 µs, 10 censored at ≥ 1 s: ranks up to 990 are answered values.
  it('1 % censored above every answered value: p50–p99 exact, p99.9 and up, mean and max lower bounds', () => {
    const bounded = latencyWithUnanswered(histogramOf(range(990, 100, 1)), histogramOf(range(10, 1_000_000, 1000)));
    expect(bounded?.count).toBe(1000);
    expect(bounded?.lowerBounds).toEqual(['mean', 'p999', 'p9999', 'p99999', 'max']);
    expect(bounded?.p50).toBe(599);
    expect(bounded?.p99).toBe(1089);
    expect(bounded?.p999).toBeGreaterThanOrEqual(1_000_000);
  });

  // 5 answered, 1995 censored (the single-threaded preset's shape): every percentile is a bound.
  it('mostly censored: every percentile is a lower bound', () => {
    const bounded = latencyWithUnanswered(histogramOf([5000, 5100, 5200, 5300, 5760]), histogramOf(range(1995, 1000, 1000)));
    expect(bounded?.lowerBounds).toEqual(['mean', 'p50', 'p75', 'p90', 'p99', 'p999', 'p9999', 'p99999', 'max']);
    expect(bounded?.p99).toBeGreaterThan(1_900_000);
  });

  // A censored value below the median: raising it could move the median, so p50 is a bound too.
  it('a short censored wait below the median makes the median a lower bound', () => {
    const bounded = latencyWithUnanswered(histogramOf(range(99, 1000, 10)), histogramOf([10]));
    expect(bounded?.lowerBounds).toContain('p50');
    expect(bounded?.p50).toBeLessThan(histogramOf(range(99, 1000, 10)).getValueAtPercentile(50));
  });
});

describe('completion', () => {
  it('is answered / scheduled, unknown when nothing was scheduled, flagged below 99 %', () => {
    expect(completionRatio(20, 200)).toBe(0.1);
    expect(completionRatio(0, 0)).toBeNull();
    expect(isIncomplete(0.985)).toBe(true);
    expect(isIncomplete(0.99)).toBe(false);
    expect(isIncomplete(null)).toBe(false);
    expect(formatCompletion(0.1)).toBe('10.0 % ⚠');
    expect(formatCompletion(0.0025)).toBe('0.25 % ⚠');
    expect(formatCompletion(1)).toBe('100.0 %');
    expect(formatCompletion(0.99996)).toBe('99.9 %');
    expect(formatCompletion(null)).toBe('unknown');
  });
});

describe('headlineLatency', () => {
  it('is unknown (null), never 0, when nothing answered', () => {
    const none = { count: 0, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null };
    const summary = { ...sampleMeasuredRecord.summary, requests: 0, latencyUs: none };
    expect(headlineLatency(summary, 'p99')).toEqual({ valueUs: null, lowerBound: false });
  });

  it('takes the bounded figure when requests went unanswered', () => {
    const summary = { ...sampleMeasuredRecord.summary, latencyWithUnansweredUs: { count: 12, mean: 9, p50: 2, p75: 3, p90: 4, p99: 900, p999: 900, p9999: 900, p99999: 900, max: 900, lowerBounds: ['mean' as const, 'p99' as const, 'max' as const] } };
    expect(headlineLatency(summary, 'p50')).toEqual({ valueUs: 2, lowerBound: false });
    expect(headlineLatency(summary, 'p99')).toEqual({ valueUs: 900, lowerBound: true });
  });
});

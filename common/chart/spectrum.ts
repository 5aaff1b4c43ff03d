// The HdrHistogram percentile spectrum as chart points: latency against percentile, where the
// x axis is 1/(1−p) on a log scale so that 90%, 99%, 99.9% … are evenly spaced (the plot
// HdrHistogram's own tools draw). Pure: no I/O, no clock.
import { decodeHistogram } from '../histogram.ts';
import { SUMMARY_PERCENTILES, type PartialLatencySummary } from '../runRecord.ts';

export interface SpectrumPoint {
  /** 0 to 100 (not 100 itself: its 1/(1−p) is infinite). */
  percentile: number;
  /** 1 / (1 − percentile/100): 2 at 50%, 10 at 90%, 100 at 99%. */
  inverseTail: number;
  valueUs: number;
}

/** Steps per half distance to 100%, as HdrHistogram's outputPercentileDistribution and wrk2 use. */
export const SPECTRUM_TICKS_PER_HALF_DISTANCE = 5;

export function inverseTail(percentile: number): number {
  return 1 / (1 - percentile / 100);
}

/**
 * The percentile spectrum of a compressed base64 HdrHistogram (µs), one point per level of
 * HdrHistogram's percentile iteration. The final 100% level is left out (it cannot sit on a log
 * axis of 1/(1−p)); the maximum is the summary's `max`. An empty histogram gives no points.
 */
export function spectrumPoints(histogramBase64: string): SpectrumPoint[] {
  const histogram = decodeHistogram(histogramBase64);
  try {
    const points: SpectrumPoint[] = [];
    if (histogram.totalCount === 0) return points;
    const iterator = histogram.percentileIterator;
    iterator.reset(SPECTRUM_TICKS_PER_HALF_DISTANCE);
    while (iterator.hasNext()) {
      const step = iterator.next();
      const percentile = step.percentileLevelIteratedTo;
      if (percentile >= 100) break;
      points.push({ percentile, inverseTail: inverseTail(percentile), valueUs: step.valueIteratedTo });
    }
    return points;
  } finally {
    histogram.destroy();
  }
}

/**
 * The few spectrum points a latency summary holds (p50 … p99.999), for runs without a histogram
 * (imported reports). Unknown percentiles are left out, never drawn as 0.
 */
export function summarySpectrumPoints(latency: PartialLatencySummary): SpectrumPoint[] {
  const points: SpectrumPoint[] = [];
  if (latency.count === 0) return points;
  for (const [percentile, key] of SUMMARY_PERCENTILES) {
    const valueUs = latency[key];
    if (valueUs !== null) points.push({ percentile, inverseTail: inverseTail(percentile), valueUs });
  }
  return points;
}

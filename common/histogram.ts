// Latency histograms: one shape everywhere (µs, 1 µs to 1 h, 3 significant digits), as
// DESIGN.md fixes, so histograms from every worker and every run add exactly.
import { decodeFromCompressedBase64, encodeIntoCompressedBase64, Int32Histogram, JsHistogram } from 'hdr-histogram-js';
import { HIGHEST_US, LOWEST_US, SIGNIFICANT_DIGITS, trackableUs } from './histogramShape.ts';
import type { LatencySummary, MeasuredLatencySummary } from './runRecord.ts';

export { HIGHEST_US, LOWEST_US, SIGNIFICANT_DIGITS };

export function createLatencyHistogram(): JsHistogram {
  const histogram = new Int32Histogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = false;
  return histogram;
}

/** Records a latency, clamped into the trackable range (a 0 µs reply counts as 1 µs). */
export function recordLatencyUs(histogram: JsHistogram, latencyUs: number): void {
  histogram.recordValue(trackableUs(latencyUs));
}

export function encodeHistogram(histogram: JsHistogram): string {
  return encodeIntoCompressedBase64(histogram);
}

/** Decodes a compressed base64 histogram; throws with a clear message when it is not one. */
export function decodeHistogram(base64: string): JsHistogram {
  const decoded = decodeFromCompressedBase64(base64, 32, false);
  if (!(decoded instanceof JsHistogram)) throw new TypeError('decoded histogram is not a JS histogram');
  return decoded;
}

/** Adds an encoded histogram into `into`. */
export function addEncoded(into: JsHistogram, base64: string): void {
  const decoded = decodeHistogram(base64);
  into.add(decoded);
  decoded.destroy();
}

/** The encoded histograms added into one, read by `read`; the sum is freed after. */
export function readSum<T>(encoded: readonly string[], read: (sum: JsHistogram) => T): T {
  const sum = createLatencyHistogram();
  try {
    for (const base64 of encoded) addEncoded(sum, base64);
    return read(sum);
  } finally {
    sum.destroy();
  }
}

/** Share of recorded values within mean ± stdev, in percent (wrk's "+/- Stdev" column). */
export function withinStdevPct(histogram: JsHistogram): number {
  const total = histogram.totalCount;
  if (total === 0) return 0;
  const low = histogram.mean - histogram.stdDeviation;
  const high = histogram.mean + histogram.stdDeviation;
  let inside = 0;
  const iterator = histogram.recordedValuesIterator;
  iterator.reset();
  while (iterator.hasNext()) {
    const step = iterator.next();
    const value = histogram.medianEquivalentValue(step.valueIteratedTo);
    if (value >= low && value <= high) inside += step.countAtValueIteratedTo;
  }
  return (inside / total) * 100;
}

export function summarizeLatency(histogram: JsHistogram): LatencySummary {
  const count = histogram.totalCount;
  if (count === 0) {
    return { count: 0, min: 0, mean: 0, stdev: 0, max: 0, p50: 0, p75: 0, p90: 0, p99: 0, p999: 0, p9999: 0, p99999: 0, withinStdevPct: 0 };
  }
  return {
    count,
    min: histogram.minNonZeroValue,
    mean: histogram.mean,
    stdev: histogram.stdDeviation,
    max: histogram.maxValue,
    p50: histogram.getValueAtPercentile(50),
    p75: histogram.getValueAtPercentile(75),
    p90: histogram.getValueAtPercentile(90),
    p99: histogram.getValueAtPercentile(99),
    p999: histogram.getValueAtPercentile(99.9),
    p9999: histogram.getValueAtPercentile(99.99),
    p99999: histogram.getValueAtPercentile(99.999),
    withinStdevPct: withinStdevPct(histogram),
  };
}

/** A measured latency summary: with no value recorded every statistic is unknown (null), never 0. */
export function summarizeMeasuredLatency(histogram: JsHistogram): MeasuredLatencySummary {
  if (histogram.totalCount > 0) return summarizeLatency(histogram);
  return { count: 0, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null };
}

/** The rank (1-based) of a percentile among `total` values, as hdr_value_at_percentile rounds it. */
export function percentileRank(percentile: number, total: number): number {
  const requested = percentile < 100 ? percentile : 100;
  return Math.max(Math.trunc((requested / 100) * total + 0.5), 1);
}

/** The value of the `rank`-th smallest recorded value (highest equivalent); null past the count. */
export function valueAtRank(histogram: JsHistogram, rank: number): number | null {
  if (rank > histogram.totalCount) return null;
  let total = 0;
  for (let index = 0; index < histogram.countsArrayLength; index++) {
    total += histogram.getCountAtIndex(index);
    if (total >= rank) return histogram.highestEquivalentValue(histogram.valueFromIndex(index));
  }
  return null;
}

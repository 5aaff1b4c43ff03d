// Duration histograms of the server: the shape DESIGN.md fixes for every latency histogram
// (µs, 1 µs to 1 h, 3 significant digits), so they add exactly with each other and with runs.
import { encodeIntoCompressedBase64, Int32Histogram, type JsHistogram } from 'hdr-histogram-js';
import type { DurationSummaryUs } from '../common/serverTelemetry.ts';

const LOWEST_US = 1;
const HIGHEST_US = 3_600_000_000;
const SIGNIFICANT_DIGITS = 3;

export function createDurationHistogram(): JsHistogram {
  const histogram = new Int32Histogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = false;
  return histogram;
}

/** Records a duration clamped into the trackable range (under 1 µs counts as 1 µs). */
export function recordDurationUs(histogram: JsHistogram, durationUs: number): void {
  const value = durationUs < LOWEST_US ? LOWEST_US : durationUs > HIGHEST_US ? HIGHEST_US : Math.round(durationUs);
  histogram.recordValue(value);
}

export function summarizeDurations(histogram: JsHistogram): DurationSummaryUs | null {
  if (histogram.totalCount === 0) return null;
  return {
    count: histogram.totalCount,
    mean: histogram.mean,
    p50: histogram.getValueAtPercentile(50),
    p90: histogram.getValueAtPercentile(90),
    p99: histogram.getValueAtPercentile(99),
    max: histogram.maxValue,
  };
}

export function encodeDurations(histogram: JsHistogram): string {
  return encodeIntoCompressedBase64(histogram);
}

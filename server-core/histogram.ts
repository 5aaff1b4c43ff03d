// Duration histograms of the server: the shape DESIGN.md fixes for every latency histogram
// (µs, 1 µs to 1 h, 3 significant digits), so they add exactly with each other and with runs.
import { encodeIntoCompressedBase64, Int32Histogram, type JsHistogram } from 'hdr-histogram-js';
import type { DurationSummaryUs } from '../common/serverTelemetry.ts';

const LOWEST_US = 1;
const HIGHEST_US = 3_600_000_000;
const SIGNIFICANT_DIGITS = 3;
/** Durations under this many µs are counted in a plain array first (see DurationRecorder). */
const STAGED_BELOW_US = 2048;

export function createDurationHistogram(): JsHistogram {
  const histogram = new Int32Histogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = false;
  return histogram;
}

/** A duration clamped into the trackable range (under 1 µs counts as 1 µs), whole µs. */
function clampUs(durationUs: number): number {
  return durationUs < LOWEST_US ? LOWEST_US : durationUs > HIGHEST_US ? HIGHEST_US : Math.round(durationUs);
}

/** Records a duration clamped into the trackable range (under 1 µs counts as 1 µs). */
export function recordDurationUs(histogram: JsHistogram, durationUs: number): void {
  histogram.recordValue(clampUs(durationUs));
}

/**
 * One duration histogram fed on the request path. hdr-histogram-js spends a log2 and two pows on
 * every recordValue; here the short durations (nearly all of them on a fast route) are only
 * counted in a typed array, one increment per record, and moved into the histogram with one
 * recordValueWithCount per distinct value when it is read. The histogram ends up exactly as if
 * every value had been recorded one by one.
 */
export class DurationRecorder {
  private readonly histogram = createDurationHistogram();
  private readonly staged = new Uint32Array(STAGED_BELOW_US);
  private stagedLowest = STAGED_BELOW_US;
  private stagedHighest = -1;

  record(durationUs: number): void {
    const value = clampUs(durationUs);
    if (value < STAGED_BELOW_US) {
      this.staged[value] = (this.staged[value] ?? 0) + 1;
      if (value < this.stagedLowest) this.stagedLowest = value;
      if (value > this.stagedHighest) this.stagedHighest = value;
    } else {
      this.histogram.recordValue(value);
    }
  }

  /** Everything recorded since the last reset. */
  read(): JsHistogram {
    for (let value = this.stagedLowest; value <= this.stagedHighest; value++) {
      const count = this.staged[value] ?? 0;
      if (count > 0) this.histogram.recordValueWithCount(value, count);
    }
    this.clearStaged();
    return this.histogram;
  }

  reset(): void {
    this.clearStaged();
    this.histogram.reset();
  }

  private clearStaged(): void {
    if (this.stagedHighest >= 0) this.staged.fill(0, this.stagedLowest, this.stagedHighest + 1);
    this.stagedLowest = STAGED_BELOW_US;
    this.stagedHighest = -1;
  }
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

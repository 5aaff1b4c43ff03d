// The run record's latency summary from what a wrk or wrk2 report shows, nothing more.
import { summarizeLatency } from '../../common/histogram.ts';
import { SUMMARY_PERCENTILES, type PartialLatencySummary } from '../../common/runRecord.ts';
import type { JsHistogram } from 'hdr-histogram-js';
import { unknownLatency } from './runDraft.ts';
import type { LatencyBlock } from './wrkSpectrum.ts';

/** The "Thread Stats" Latency row, µs and percent; null where the report printed "-nan". */
export interface LatencyRow {
  meanUs: number | null;
  stdevUs: number | null;
  maxUs: number | null;
  withinStdevPct: number | null;
}

/** Percentiles as printed ("99.000%  11.18ms", or wrk's "99%  4.97ms"): exact, where a rebuilt histogram is not. */
function withPrinted(summary: PartialLatencySummary, printedUs: ReadonlyMap<number, number>): PartialLatencySummary {
  const result = { ...summary };
  for (const [percentile, key] of SUMMARY_PERCENTILES) {
    const value = printedUs.get(percentile);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * Without a spectrum: the row's mean, stdev and max, and the percentiles wrk printed (four with
 * wrk's --latency, none without). The count is the number of completed requests, each of which
 * wrk timed.
 */
export function latencyFromRow(requests: number, row: LatencyRow | null, printedUs: ReadonlyMap<number, number>): PartialLatencySummary {
  const summary = unknownLatency(requests);
  if (row) {
    summary.mean = row.meanUs;
    summary.stdev = row.stdevUs;
    summary.max = row.maxUs;
    summary.withinStdevPct = row.withinStdevPct;
  }
  return withPrinted(summary, printedUs);
}

/**
 * With a spectrum: everything from the rebuilt histogram, then wrk2's own figures where it
 * printed them (mean, stdev and max of the "#[…]" lines, the fixed percentiles, and the row's
 * "+/- Stdev" for the corrected block), since those came from the full histogram.
 */
export function latencyFromBlock(block: LatencyBlock, histogram: JsHistogram, row: LatencyRow | null): PartialLatencySummary {
  const summary: PartialLatencySummary = { ...summarizeLatency(histogram) };
  // The Thread Stats row describes the corrected histogram only.
  const own = block.uncorrected ? null : row;
  summary.mean = block.meanUs ?? own?.meanUs ?? summary.mean;
  summary.stdev = block.stdevUs ?? own?.stdevUs ?? summary.stdev;
  summary.max = block.maxUs ?? own?.maxUs ?? summary.max;
  if (own && own.withinStdevPct !== null) summary.withinStdevPct = own.withinStdevPct;
  return withPrinted(summary, block.printedUs);
}

// wrk2's --latency / -U blocks (print_hdr_latency): the fixed percentiles, then the detailed
// percentile spectrum, from which the HdrHistogram is rebuilt.
import type { JsHistogram } from 'hdr-histogram-js';
import { createLatencyHistogram, HIGHEST_US, LOWEST_US } from '../../common/histogram.ts';
import type { Diagnostics } from './importError.ts';
import type { SourceLine } from './sourceLines.ts';
import { isNotANumber, parseTimeUs } from './wrkUnits.ts';

export interface SpectrumRow {
  /** The row's value, µs (wrk2 prints milliseconds with 3 decimals). */
  valueUs: number;
  /** 0 to 1, as printed. */
  fraction: number;
  totalCount: number;
}

export interface LatencyBlock {
  /** "Recorded Latency" (corrected) or "Uncorrected Latency …" (-U). */
  uncorrected: boolean;
  /** The fixed distribution lines: percentile (50, 99.9, 100) → µs. */
  printedUs: Map<number, number>;
  spectrum: SpectrumRow[];
  /** From the "#[Mean …" and "#[Max …" lines, µs; null when absent or "-nan". */
  meanUs: number | null;
  stdevUs: number | null;
  maxUs: number | null;
  totalCount: number | null;
}

export const BLOCK_START_RE = /^Latency Distribution \(HdrHistogram - (.*)\)$/;
const PERCENTILE_RE = /^(\d+(?:\.\d+)?)%\s+(\S+)$/;
const SPECTRUM_ROW_RE = /^(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+)\s+\S+$/;
const MEAN_RE = /^#\[Mean\s*=\s*(\S+),\s*StdDeviation\s*=\s*(\S+)\]$/;
const MAX_RE = /^#\[Max\s*=\s*(\S+),\s*Total count\s*=\s*(\d+)\]$/;
const SKIPPED_RE = /^(?:Detailed Percentile spectrum:|Value\s+Percentile\s+TotalCount|#\[Buckets\s*=)/;
const END_RE = /^-{10,}$/;

function msToUs(text: string | undefined): number | null {
  if (text === undefined || isNotANumber(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? Math.round(value * 1000) : null;
}

/**
 * Reads the block whose header is at lines[from]; returns it and the index after it. The block
 * ends at wrk2's dashed line, or at the first line that is none of its own.
 */
export function readLatencyBlock(lines: readonly SourceLine[], from: number, to: number, diagnostics: Diagnostics): { block: LatencyBlock; next: number } {
  const header = BLOCK_START_RE.exec(lines[from]?.text.trim() ?? '');
  const block: LatencyBlock = {
    uncorrected: /uncorrected/i.test(header?.[1] ?? ''),
    printedUs: new Map(),
    spectrum: [],
    meanUs: null,
    stdevUs: null,
    maxUs: null,
    totalCount: null,
  };
  let index = from + 1;
  for (; index <= to; index++) {
    const line = lines[index];
    if (line === undefined) break;
    const text = line.text.trim();
    if (text === '' || SKIPPED_RE.test(text)) continue;
    if (END_RE.test(text)) return { block, next: index + 1 };
    const row = SPECTRUM_ROW_RE.exec(text);
    const percentile = PERCENTILE_RE.exec(text);
    const mean = MEAN_RE.exec(text);
    const max = MAX_RE.exec(text);
    if (row) {
      block.spectrum.push({ valueUs: msToUs(row[1]) ?? 0, fraction: Number(row[2]), totalCount: Number(row[3]) });
    } else if (percentile) {
      const valueUs = parseTimeUs(percentile[2] ?? '');
      if (valueUs === null) diagnostics.warn(line.no, `cannot read "${percentile[2] ?? ''}" as a latency; that percentile is left unknown`);
      else block.printedUs.set(Number(percentile[1]), valueUs);
    } else if (mean) {
      block.meanUs = msToUs(mean[1]);
      block.stdevUs = msToUs(mean[2]);
      if (block.meanUs === null || block.stdevUs === null) diagnostics.warn(line.no, 'the spectrum\'s mean or standard deviation is "-nan"; left unknown');
    } else if (max) {
      block.maxUs = msToUs(max[1]);
      block.totalCount = Number(max[2]);
    } else {
      break;
    }
  }
  return { block, next: index };
}

function recordCount(histogram: JsHistogram, valueUs: number, count: number): void {
  const clamped = Math.min(HIGHEST_US, Math.max(LOWEST_US, valueUs));
  histogram.recordValueWithCount(clamped, count);
}

/**
 * The HdrHistogram rebuilt from the spectrum: each row's count delta recorded at the row's
 * value. Rows are HdrHistogram bucket values, so the result has the same percentiles at the
 * printed levels; between levels it knows only what the rows say.
 */
export function rebuildHistogram(rows: readonly SpectrumRow[]): JsHistogram {
  const histogram = createLatencyHistogram();
  let counted = 0;
  for (const row of rows) {
    const delta = row.totalCount - counted;
    if (delta > 0) recordCount(histogram, row.valueUs, delta);
    counted = Math.max(counted, row.totalCount);
  }
  return histogram;
}

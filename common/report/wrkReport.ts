// wrk2's report, line for line, from a run record: giltene/wrk2 src/wrk.c (main's printf calls,
// print_stats_header, print_stats, print_units, print_hdr_latency) and the HdrHistogram C
// library wrk2 bundles (hdr_value_at_percentile, hdr_percentiles_print, hdr_mean, hdr_max).
// Loadlab adds a few lines for counters wrk2 does not have, only when they are non-zero.
import type { JsHistogram } from 'hdr-histogram-js';
import { formatBytes, formatDurationS, formatFixed, formatMetric, formatTimeUs } from '../format.ts';
import type { MeasuredRunRecord } from '../runRecord.ts';
import { decodeHistogram } from '../histogram.ts';
import { unansweredLine } from './unansweredLine.ts';
import { insecureWarningLines, wrkTlsLines } from './tlsLines.ts';
import { errorMessage } from '../errorMessage.ts';

export interface WrkReportOptions {
  /** wrk2's --latency: distribution and percentile spectrum of the corrected histogram. */
  latency: boolean;
  /** wrk2's -U: the same for the uncorrected histogram (never in max mode, which has none). */
  uncorrectedLatency: boolean;
}

/** Null statistics: no response was measured. */
interface RowStats {
  mean: number | null;
  stdev: number | null;
  max: number | null;
  withinStdevPct: number | null;
}

interface SpectrumLine {
  valueUs: number;
  /** 0 to 100. */
  percentile: number;
  totalCount: number;
}

const RECORDED_DESCRIPTION = 'Recorded Latency';
const UNCORRECTED_DESCRIPTION = 'Uncorrected Latency (measured without taking delayed starts into account)';
const DISTRIBUTION_PERCENTILES = [50, 75, 90, 99, 99.9, 99.99, 99.999, 100];
const SPECTRUM_TICKS_PER_HALF_DISTANCE = 5;
const SPECTRUM_VALUE_SCALE = 1000;
const BLOCK_END = '-'.repeat(58);
// hdr_mean of an empty histogram is 0.0 / 0, which on x86-64 is the default NaN with its sign
// bit set; glibc prints it as "-nan", and so does every wrk2 run that got no response.
const EMPTY_MEAN_TEXT = '-nan';

export function formatWrkReport(record: MeasuredRunRecord, options: WrkReportOptions): string {
  const { load, summary } = record;
  const { errors } = summary;
  const lines = [
    `Running ${runLength(load.durationMs)} test @ ${record.target.url}`,
    ...insecureWarningLines(record),
    `  ${load.threads} threads and ${load.connections} connections`,
    '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
    statsRow('Latency', summary.latencyUs, formatTimeUs),
    statsRow('Req/Sec', summary.threadReqPerSec, formatMetric),
  ];
  if (options.latency) {
    lines.push(...latencyBlock(record, 'correctedUs', RECORDED_DESCRIPTION), BLOCK_END);
  }
  if (options.uncorrectedLatency && load.mode !== 'max' && record.histograms.uncorrectedUs !== null) {
    lines.push('', ...latencyBlock(record, 'uncorrectedUs', UNCORRECTED_DESCRIPTION), BLOCK_END);
  }
  // wrk's run time is a whole number of microseconds.
  const runtimeUs = Math.round(summary.durationMs * 1000);
  lines.push(`  ${summary.requests} requests in ${formatTimeUs(runtimeUs)}, ${formatBytes(summary.bytesRead)} read`);
  if (errors.connect > 0 || errors.read > 0 || errors.write > 0 || errors.timeout > 0) {
    lines.push(
      `  Socket errors: connect ${errors.connect}, read ${errors.read}, write ${errors.write}, timeout ${errors.timeout}`,
    );
    if (summary.connects !== undefined) lines.push(`  Connections opened: ${summary.connects}`);
  }
  if (errors.status > 0) lines.push(`  Non-2xx or 3xx responses: ${errors.status}`);
  if (summary.inFlightAtEnd > 0) lines.push(`  Requests in flight at end: ${summary.inFlightAtEnd}`);
  if (summary.unsent > 0) lines.push(`  Unsent (behind schedule at end): ${summary.unsent}`);
  if (summary.serverCloses > 0) lines.push(`  Server-closed connections: ${summary.serverCloses} (reconnected)`);
  lines.push(...wrkTlsLines(record));
  lines.push(`Requests/sec: ${formatFixed(summary.reqPerSec, 2).padStart(9)}`);
  lines.push(`Transfer/sec: ${formatBytes(summary.transferPerSec).padStart(11)}`);
  const unanswered = unansweredLine(summary);
  if (unanswered !== null) lines.push(unanswered);
  return lines.map((line) => `${line}\n`).join('');
}

/** print_stats: "    %-10s", three print_units cells (8, 10, 9 wide), then "%8.2f%%". */
function statsRow(name: string, stats: RowStats, format: (value: number) => string): string {
  // wrk holds Max as an unsigned integer. With no response, wrk2's hdr_mean and hdr_stddev are
  // 0/0 ("-nan"), its max 0; Loadlab's record holds them as unknown (null).
  const max = Math.trunc(stats.max ?? 0);
  const orNan = (value: number | null): string => (value === null ? EMPTY_MEAN_TEXT : format(value));
  return (
    `    ${name.padEnd(10)}` +
    unitsCell(orNan(stats.mean), 8) +
    unitsCell(orNan(stats.stdev), 10) +
    unitsCell(format(max), 9) +
    `${(stats.withinStdevPct === null ? EMPTY_MEAN_TEXT : formatFixed(stats.withinStdevPct, 2)).padStart(8)}%`
  );
}

/**
 * print_units: the text right-aligned in `width` less one column per missing unit letter, those
 * columns left blank after it, so numbers line up whatever their unit ("1.20s " under "4.12ms").
 * Like printf's "%*.*s", it cuts a text longer than its field.
 */
function unitsCell(text: string, width: number): string {
  let pad = 2;
  if (/[A-Za-z]/.test(text.at(-1) ?? '')) pad -= 1;
  if (/[A-Za-z]/.test(text.at(-2) ?? '')) pad -= 1;
  const field = width - pad;
  return text.slice(0, field).padStart(field) + ' '.repeat(pad);
}

/** print_hdr_latency: the fixed percentiles, then the detailed spectrum (without wrk2's closing dashes). */
function latencyBlock(record: MeasuredRunRecord, key: 'correctedUs' | 'uncorrectedUs', description: string): string[] {
  const histogram = decodeRecordHistogram(record, key);
  try {
    const lines = [`  Latency Distribution (HdrHistogram - ${description})`];
    for (const percentile of DISTRIBUTION_PERCENTILES) {
      lines.push(`${formatFixed(percentile, 3).padStart(7)}%${unitsCell(formatTimeUs(valueAtPercentile(histogram, percentile)), 10)}`);
    }
    lines.push('', '  Detailed Percentile spectrum:', ...spectrumLines(histogram));
    return lines;
  } finally {
    histogram.destroy();
  }
}

function decodeRecordHistogram(record: MeasuredRunRecord, key: 'correctedUs' | 'uncorrectedUs'): JsHistogram {
  const encoded = record.histograms[key];
  if (encoded === null) throw new Error(`run ${record.id}: histograms.${key} is missing`);
  try {
    return decodeHistogram(encoded);
  } catch (error) {
    const reason = errorMessage(error);
    throw new Error(`run ${record.id}: histograms.${key} is not a compressed HdrHistogram (${reason})`);
  }
}

/** hdr_value_at_percentile: rounds the rank half up (Java's getValueAtPercentile rounds it up). */
function valueAtPercentile(histogram: JsHistogram, percentile: number): number {
  const requested = percentile < 100 ? percentile : 100;
  const rank = Math.max(Math.trunc((requested / 100) * histogram.totalCount + 0.5), 1);
  let total = 0;
  for (let index = 0; index < histogram.countsArrayLength; index++) {
    total += histogram.getCountAtIndex(index);
    if (total >= rank) return histogram.highestEquivalentValue(histogram.valueFromIndex(index));
  }
  return 0;
}

/** hdr_percentiles_print in its CLASSIC format, values in milliseconds. */
function spectrumLines(histogram: JsHistogram): string[] {
  const scale = SPECTRUM_VALUE_SCALE;
  const digits = histogram.numberOfSignificantValueDigits;
  const lines = [`${'Value'.padStart(12)} ${'Percentile'.padStart(12)} ${'TotalCount'.padStart(12)} 1/(1-Percentile)`, ''];
  for (const line of percentileSpectrum(histogram, SPECTRUM_TICKS_PER_HALF_DISTANCE)) {
    const fraction = line.percentile / 100;
    lines.push(
      `${formatFixed(line.valueUs / scale, digits).padStart(12)} ${formatFixed(fraction, 6).padStart(12)} ` +
        `${String(line.totalCount).padStart(12)} ${formatFixed(1 / (1 - fraction), 2).padStart(12)}`,
    );
  }
  const { mean, stdev, max } = cStatistics(histogram);
  const total = histogram.totalCount;
  const meanText = total === 0 ? EMPTY_MEAN_TEXT : formatFixed(mean / scale, 3);
  const stdevText = total === 0 ? EMPTY_MEAN_TEXT : formatFixed(stdev / scale, 3);
  lines.push(
    `#[Mean    = ${meanText.padStart(12)}, StdDeviation   = ${stdevText.padStart(12)}]`,
    `#[Max     = ${formatFixed(max / scale, 3).padStart(12)}, Total count    = ${String(total).padStart(12)}]`,
    `#[Buckets = ${String(histogram.bucketCount).padStart(12)}, SubBuckets     = ${String(histogram.subBucketCount).padStart(12)}]`,
  );
  return lines;
}

/**
 * hdr_percentile_iter_next: a line each time the running count reaches the next percentile
 * level, levels closing in on 100% by halves with `ticksPerHalfDistance` steps in each half,
 * then a last line at 100% (also for an empty histogram, where it reads 0).
 */
function percentileSpectrum(histogram: JsHistogram, ticksPerHalfDistance: number): SpectrumLine[] {
  const total = histogram.totalCount;
  const lines: SpectrumLine[] = [];
  let index = -1;
  let countAtIndex = 0;
  let countToIndex = 0;
  let valueUs = 0;
  const next = (): boolean => {
    if (countToIndex >= total || index + 1 >= histogram.countsArrayLength) return false;
    index += 1;
    countAtIndex = histogram.getCountAtIndex(index);
    countToIndex += countAtIndex;
    valueUs = histogram.highestEquivalentValue(histogram.valueFromIndex(index));
    return true;
  };
  let percentile = 0;
  let levelToIterateTo = 0;
  while (countToIndex < total) {
    let reached = false;
    do {
      if (countAtIndex !== 0 && levelToIterateTo <= (100 * countToIndex) / total) {
        percentile = levelToIterateTo;
        // As the C code computes it: log(x) / log(2), truncated (not Math.log2).
        const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - levelToIterateTo)) / Math.log(2)) + 1);
        levelToIterateTo += 100 / (ticksPerHalfDistance * halfDistance);
        reached = true;
        break;
      }
    } while (next());
    lines.push({ valueUs, percentile, totalCount: countToIndex });
    // Counts that add up to less than totalCount would otherwise repeat this line forever.
    if (!reached && countToIndex < total) break;
  }
  lines.push({ valueUs, percentile: 100, totalCount: countToIndex });
  return lines;
}

/** hdr_mean and hdr_stddev (median equivalent values), and hdr_max (lowest equivalent of the top bucket). */
function cStatistics(histogram: JsHistogram): { mean: number; stdev: number; max: number } {
  const buckets: { medianUs: number; count: number }[] = [];
  let sum = 0n;
  let seen = 0;
  let maxUs = 0;
  for (let index = 0; index < histogram.countsArrayLength && seen < histogram.totalCount; index++) {
    const count = histogram.getCountAtIndex(index);
    if (count === 0) continue;
    const valueUs = histogram.valueFromIndex(index);
    const medianUs = histogram.medianEquivalentValue(valueUs);
    buckets.push({ medianUs, count });
    sum += BigInt(count) * BigInt(medianUs);
    seen += count;
    maxUs = histogram.lowestEquivalentValue(histogram.highestEquivalentValue(valueUs));
  }
  const mean = Number(sum) / histogram.totalCount;
  let deviationTotal = 0;
  for (const { medianUs, count } of buckets) {
    const deviation = medianUs - mean;
    deviationTotal += deviation * deviation * count;
  }
  return { mean, stdev: Math.sqrt(deviationTotal / histogram.totalCount), max: maxUs };
}

/** wrk prints whole seconds ("30s", "2m"); a duration wrk could not take keeps its fraction ("1.50s"). */
function runLength(durationMs: number): string {
  return durationMs % 1000 === 0 ? formatDurationS(durationMs / 1000) : formatTimeUs(durationMs * 1000);
}

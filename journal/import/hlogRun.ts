// An HdrHistogram interval log (HistogramLogWriter's format, read with hdr-histogram-js's
// HistogramLogReader) as one run: the corrected histogram is the sum of the intervals, and each
// interval is a point of the series.
import { HistogramLogReader, JsHistogram } from 'hdr-histogram-js';
import { createLatencyHistogram, encodeHistogram, HIGHEST_US, LOWEST_US, summarizeLatency } from '../../common/histogram.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { ReportError, type Diagnostics } from './importError.ts';
import { unknownLatency, type RunDraft } from './runDraft.ts';
import { errorMessage } from '../../common/errorMessage.ts';

const INTERVAL_RE = /^(?:Tag=([^,]*),)?(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\S+)\s*$/;
/** Timestamps above this (ms) are since the epoch, not since the log's start. */
const EPOCH_MS_FLOOR = 1e12;

interface Interval {
  lineNo: number;
  tag: string | null;
  /** The Interval_Max column: the max divided by the writer's unit ratio. */
  maxColumn: number;
  histogram: JsHistogram;
}

/** True when the text has interval lines or an HdrHistogram log header. */
export function looksLikeHlog(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => INTERVAL_RE.test(line.trim()) || line.startsWith('#[Histogram log format version') || line.startsWith('"StartTimestamp"'));
}

function readIntervals(text: string): Interval[] {
  const lines = text.split(/\r\n|\r|\n/);
  const reader = new HistogramLogReader(text);
  const intervals: Interval[] = [];
  for (;;) {
    let histogram;
    try {
      histogram = reader.nextIntervalHistogram();
    } catch (error) {
      const reason = errorMessage(error);
      throw new ReportError(reader.currentLineIndex, `not an HdrHistogram interval (${reason})`);
    }
    if (histogram === null) return intervals;
    const lineNo = reader.currentLineIndex;
    if (!(histogram instanceof JsHistogram)) throw new ReportError(lineNo, 'the interval did not decode to a JS histogram');
    const match = INTERVAL_RE.exec(lines[lineNo - 1]?.trim() ?? '');
    if (!match) throw new ReportError(lineNo, 'not an interval line: "StartTimestamp,Interval_Length,Interval_Max,Compressed_Histogram" expected');
    intervals.push({ lineNo, tag: match[1] ?? null, maxColumn: Number(match[4]), histogram });
  }
}

/**
 * The factor from the log's values to µs. Java's HistogramLogWriter writes Interval_Max in ms
 * of nanosecond values (ratio 1e6); Loadlab and hdr-histogram-js in ms of µs (ratio 1e3).
 */
function unitToUs(intervals: readonly Interval[], diagnostics: Diagnostics): number {
  const sample = intervals.find((interval) => interval.maxColumn > 0 && interval.histogram.maxValue > 0);
  if (sample === undefined) return 1;
  const ratioPower = Math.round(Math.log10(sample.histogram.maxValue / sample.maxColumn));
  if (ratioPower === 6) {
    diagnostics.warn(sample.lineNo, 'values are nanoseconds (Interval_Max is their max in ms); read as µs');
    return 1 / 1000;
  }
  if (ratioPower !== 3) diagnostics.warn(sample.lineNo, `cannot tell the values' unit from Interval_Max (ratio 1e${ratioPower}); read as µs`);
  return 1;
}

/** The interval's values in Loadlab's histogram shape (µs, 1 µs to 1 h, 3 digits). */
function inMicroseconds(source: JsHistogram, factor: number): JsHistogram {
  const histogram = createLatencyHistogram();
  const iterator = source.recordedValuesIterator;
  iterator.reset();
  while (iterator.hasNext()) {
    const step = iterator.next();
    const valueUs = Math.round(source.medianEquivalentValue(step.valueIteratedTo) * factor);
    histogram.recordValueWithCount(Math.min(HIGHEST_US, Math.max(LOWEST_US, valueUs)), step.countAtValueIteratedTo);
  }
  return histogram;
}

/** Loadlab's .hlog export writes the uncorrected histogram as intervals with this tag. */
const UNCORRECTED_TAG = 'uncorrected';

/**
 * The run's intervals (untagged, else the first tag) and the uncorrected ones; intervals with
 * any other tag are skipped, with a warning.
 */
function byTag(intervals: readonly Interval[], diagnostics: Diagnostics): { main: Interval[]; uncorrected: Interval[] } {
  const mainTag = mainTagOf(intervals);
  const main = intervals.filter((interval) => interval.tag === mainTag);
  const uncorrected = mainTag === UNCORRECTED_TAG ? [] : intervals.filter((interval) => interval.tag === UNCORRECTED_TAG);
  const skipped = intervals.length - main.length - uncorrected.length;
  if (skipped > 0) diagnostics.warn(null, `the log has several tags; imported ${mainTag ?? 'the untagged intervals'}, skipped ${skipped} intervals with other tags`);
  return { main, uncorrected };
}

function mainTagOf(intervals: readonly Interval[]): string | null {
  if (intervals.some((interval) => interval.tag === null)) return null;
  const other = intervals.find((interval) => interval.tag !== UNCORRECTED_TAG) ?? intervals[0];
  return other?.tag ?? null;
}

/** The sum of intervals in µs. */
function summed(intervals: readonly Interval[], factor: number): JsHistogram {
  const total = createLatencyHistogram();
  for (const interval of intervals) {
    const histogram = inMicroseconds(interval.histogram, factor);
    total.add(histogram);
    histogram.destroy();
  }
  return total;
}

export function hlogDraft(text: string, diagnostics: Diagnostics): RunDraft {
  const all = readIntervals(text);
  const { main: intervals, uncorrected } = byTag(all, diagnostics);
  const first = intervals[0];
  if (first === undefined) throw new ReportError(null, 'HdrHistogram log without any interval');
  const factor = unitToUs(all, diagnostics);
  const total = createLatencyHistogram();
  const uncorrectedTotal = uncorrected.length > 0 ? summed(uncorrected, factor) : null;
  const series: RunRecord['series'] = [];
  const startMs = first.histogram.startTimeStampMsec;
  let endMs = startMs;
  for (const interval of intervals) {
    const histogram = inMicroseconds(interval.histogram, factor);
    total.add(histogram);
    endMs = Math.max(endMs, interval.histogram.endTimeStampMsec);
    // The log has no error or byte counts: errors unknown (null); bytes 0 as the series requires.
    series.push({
      tMs: interval.histogram.endTimeStampMsec - startMs,
      requests: histogram.totalCount,
      errors: null,
      bytes: 0,
      latencyUs:
        histogram.totalCount === 0
          ? null
          : { p50: histogram.getValueAtPercentile(50), p90: histogram.getValueAtPercentile(90), p99: histogram.getValueAtPercentile(99), max: histogram.maxValue },
    });
    histogram.destroy();
  }
  for (const interval of all) interval.histogram.destroy();
  if (total.totalCount === 0) diagnostics.warn(first.lineNo, 'the log records no values');
  const durationMs = Math.max(0, endMs - startMs);
  const absolute = startMs >= EPOCH_MS_FLOOR;
  const body: RunDraft['body'] = {
    startedAt: absolute ? new Date(startMs).toISOString() : null,
    finishedAt: absolute ? new Date(endMs).toISOString() : null,
    stoppedEarly: null,
    // A log holds latencies only: the method, the load mode and the errors are not in it (null).
    target: { url: '', method: null, headers: [], bodyBytes: 0 },
    load: { mode: null, threads: null, connections: null, durationMs: null, ratePerSec: null, keepAlive: null, timeoutMs: null, intervalMs: null },
    server: { kind: 'unknown' },
    env: null,
    summary: {
      requests: total.totalCount,
      durationMs,
      reqPerSec: durationMs > 0 ? (total.totalCount * 1000) / durationMs : 0,
      bytesRead: null,
      transferPerSec: null,
      latencyUs: total.totalCount === 0 ? unknownLatency(0) : summarizeLatency(total),
      uncorrectedLatencyUs: uncorrectedTotal === null ? null : summarizeLatency(uncorrectedTotal),
      errors: null,
      statusCounts: null,
      serverCloses: null,
      inFlightAtEnd: null,
      unsent: null,
      threadReqPerSec: null,
    },
    histograms: { correctedUs: encodeHistogram(total), uncorrectedUs: uncorrectedTotal === null ? null : encodeHistogram(uncorrectedTotal) },
    series,
  };
  total.destroy();
  uncorrectedTotal?.destroy();
  return { tool: 'hlog', text, command: null, body };
}

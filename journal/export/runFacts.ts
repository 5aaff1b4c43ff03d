// What a run was and what it measured, as label/value text pairs for the Markdown and HTML
// exports. Unknown figures read "unknown", never 0.
import { formatLatencyUs, formatSignificant } from '../../common/chart/axis.ts';
import { formatBytes } from '../../common/format.ts';
import { formatCompletion, isIncomplete } from '../../common/censored.ts';
import { describeServerInfo } from '../../common/serverDescription.ts';
import type { LatencyWithUnanswered, PartialLatencySummary, RunRecord } from '../../common/runRecord.ts';

export const UNKNOWN = 'unknown';

export type Fact = [label: string, value: string];

function known<T>(value: T | null | undefined, show: (value: T) => string): string {
  return value === null || value === undefined ? UNKNOWN : show(value);
}

/** "2026-11-27 12:00:05 UTC"; null reads "unknown". */
export function formatInstant(iso: string | null): string {
  if (iso === null) return UNKNOWN;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The day a run started ("2026-11-27"), for headings; null when unknown. */
export function runDate(record: RunRecord): string | null {
  if (record.startedAt === null) return null;
  const time = Date.parse(record.startedAt);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

export function toolOf(record: RunRecord): string {
  return record.source?.tool ?? 'loadlab';
}

function count(n: number | null, noun: string): string {
  return n === null ? `${UNKNOWN} ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function describeLoad(record: RunRecord): string {
  const { load } = record;
  const shape = `${count(load.threads, 'thread')}, ${count(load.connections, 'connection')}`;
  switch (load.mode) {
    case 'rate':
      return `rate ${load.ratePerSec === null ? UNKNOWN : formatSignificant(load.ratePerSec)} req/s (-R), ${shape}`;
    case 'max':
      return `max throughput (closed loop), ${shape}`;
    case 'conn-rate': {
      const conn = load.connRate;
      const calls = conn === undefined ? '' : `, ${conn.numConns} connections × ${conn.numCalls} calls`;
      return `connection rate ${load.ratePerSec === null ? UNKNOWN : formatSignificant(load.ratePerSec)} conn/s${calls}`;
    }
    case null:
      return `load mode ${notInLogOrUnknown(record)}, ${shape}`;
  }
}

export function describeServer(record: RunRecord): string {
  return describeServerInfo(record.server);
}

/** "not in the log" for an HdrHistogram log (it holds latencies only), else "unknown". */
function notInLogOrUnknown(record: RunRecord): string {
  return record.source?.tool === 'hlog' ? NOT_IN_THE_LOG : UNKNOWN;
}

export const NOT_IN_THE_LOG = 'not in the log';

export function describeErrors(record: RunRecord): string {
  if (record.summary.errors === null) return notInLogOrUnknown(record);
  const kinds = Object.entries(record.summary.errors).filter(([, count]) => count > 0);
  return kinds.length === 0 ? '0' : kinds.map(([kind, count]) => `${kind} ${count}`).join(', ');
}

function seconds(ms: number): string {
  return `${formatSignificant(ms / 1000)} s`;
}

export function runFacts(record: RunRecord): Fact[] {
  const { summary, env } = record;
  return [
    ['Started', formatInstant(record.startedAt)],
    ['Tool', toolOf(record)],
    ['Target', `${record.target.method ?? `(method ${notInLogOrUnknown(record)})`} ${record.target.url}`.trimEnd()],
    ['Load', describeLoad(record)],
    ['Duration', `${known(record.load.durationMs, seconds)} planned, ${seconds(summary.durationMs)} measured${record.stoppedEarly === true ? ' (stopped early)' : ''}`],
    ['Requests', `${summary.requests} completed, ${formatSignificant(summary.reqPerSec)} req/s`],
    ['Completion', describeCompletion(record)],
    ['Transfer', known(summary.transferPerSec, (bytes) => `${formatBytes(bytes)}/s`)],
    ['Errors', describeErrors(record)],
    ['Status codes', known(summary.statusCounts, (counts) => Object.entries(counts).map(([code, count]) => `${code}: ${count}`).join(', ') || 'none')],
    ['Server', describeServer(record)],
    ['Environment', known(env, (e) => `${e.cpuModel}, ${e.cores} cores, ${e.os}, Node ${e.node}${e.electron === null ? '' : `, Electron ${e.electron}`}, Loadlab ${e.app}`)],
  ];
}

/** "10.0 % ⚠ (below 99 %): 180 of 200 scheduled requests unanswered (4 in flight, 176 unsent, 0 given up)". */
export function describeCompletion(record: RunRecord): string {
  const { summary } = record;
  const completion = summary.completion ?? null;
  const text = `${formatCompletion(completion)}${isIncomplete(completion) ? ' (below 99 %)' : ''}`;
  const unanswered = summary.unanswered;
  if (!unanswered || summary.scheduled === null || summary.scheduled === undefined) return text;
  const parts = `${summary.inFlightAtEnd ?? UNKNOWN} in flight, ${summary.unsent ?? UNKNOWN} unsent, ${unanswered.failed} given up`;
  return `${text}: ${unanswered.count} of ${summary.scheduled} scheduled requests unanswered (${parts})`;
}

export const PERCENTILE_ROWS = [
  ['50%', 'p50'],
  ['75%', 'p75'],
  ['90%', 'p90'],
  ['99%', 'p99'],
  ['99.9%', 'p999'],
  ['99.99%', 'p9999'],
  ['99.999%', 'p99999'],
  ['max', 'max'],
  ['mean', 'mean'],
  ['stdev', 'stdev'],
] as const;

export interface PercentileColumn {
  /** "corrected", "uncorrected" or "latency". */
  label: string;
  /** What it measures from, e.g. "from intended start"; null when there is one view. */
  detail: string | null;
}

export interface PercentileTable {
  /** Columns after "percentile". */
  columns: PercentileColumn[];
  /** [percentile label, value per column]. */
  rows: string[][];
}

/**
 * The latency percentiles, mean and stdev: one column, or corrected and uncorrected in rate mode;
 * when requests went unanswered, one more with them counted at their wait ("≥" = lower bound).
 */
export function percentileTable(record: RunRecord): PercentileTable {
  const { latencyUs, uncorrectedLatencyUs, latencyWithUnansweredUs } = record.summary;
  const views: [PercentileColumn, PartialLatencySummary][] =
    record.load.mode === 'rate' && uncorrectedLatencyUs !== null
      ? [
          [{ label: 'corrected', detail: 'from intended start' }, latencyUs],
          [{ label: 'uncorrected', detail: 'from actual send' }, uncorrectedLatencyUs],
        ]
      : [[{ label: 'latency', detail: null }, latencyUs]];
  const bounded = latencyWithUnansweredUs ?? null;
  const columns = views.map(([column]) => column);
  if (bounded !== null) columns.push({ label: 'with unanswered', detail: '≥ = lower bound' });
  return {
    columns,
    rows: PERCENTILE_ROWS.map(([label, key]) => [
      label,
      ...views.map(([, summary]) => latencyCell(summary, key)),
      ...(bounded === null ? [] : [boundedCell(bounded, key)]),
    ]),
  };
}

function latencyCell(summary: PartialLatencySummary, key: (typeof PERCENTILE_ROWS)[number][1]): string {
  if (summary.count === 0) return 'no responses';
  return known(summary[key], formatLatencyUs);
}

/** A censored value bounds no spread: the stdev column reads "–" there. */
function boundedCell(bounded: LatencyWithUnanswered, key: (typeof PERCENTILE_ROWS)[number][1]): string {
  if (key === 'stdev') return '–';
  const value = bounded[key];
  if (value === null) return UNKNOWN;
  return `${bounded.lowerBounds.includes(key) ? '≥ ' : ''}${formatLatencyUs(value)}`;
}

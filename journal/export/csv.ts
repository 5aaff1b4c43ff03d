// CSV exports (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
// doubled): one row per run, and one row per interval of every run's series. Unknown figures
// are empty cells, never 0. Numbers are written in full; units are in the column names.
import { BOUNDED_STATS, type ErrorCounts, type RunRecord } from '../../common/runRecord.ts';
import { toolOf } from './runFacts.ts';

type Cell = string | number | null | undefined;

const RUN_COLUMNS: readonly [string, (record: RunRecord) => Cell][] = [
  ['id', (r) => r.id],
  ['title', (r) => r.title],
  ['startedAt', (r) => r.startedAt],
  ['tool', (r) => toolOf(r)],
  ['mode', (r) => r.load.mode],
  ['threads', (r) => r.load.threads],
  ['connections', (r) => r.load.connections],
  ['ratePerSec', (r) => r.load.ratePerSec],
  ['durationMs', (r) => r.load.durationMs],
  ['measuredDurationMs', (r) => r.summary.durationMs],
  ['requests', (r) => r.summary.requests],
  ['reqPerSec', (r) => r.summary.reqPerSec],
  ['p50Us', (r) => r.summary.latencyUs.p50],
  ['p75Us', (r) => r.summary.latencyUs.p75],
  ['p90Us', (r) => r.summary.latencyUs.p90],
  ['p99Us', (r) => r.summary.latencyUs.p99],
  ['p999Us', (r) => r.summary.latencyUs.p999],
  ['p9999Us', (r) => r.summary.latencyUs.p9999],
  ['p99999Us', (r) => r.summary.latencyUs.p99999],
  ['maxUs', (r) => r.summary.latencyUs.max],
  ['meanUs', (r) => r.summary.latencyUs.mean],
  ['stdevUs', (r) => r.summary.latencyUs.stdev],
  // Completion and the figures with unanswered requests as censored values (lower bounds where
  // `lowerBounds` names them); empty when unknown or when nothing went unanswered.
  ['scheduled', (r) => r.summary.scheduled],
  ['completion', (r) => r.summary.completion],
  ['unanswered', (r) => r.summary.unanswered?.count],
  ...BOUNDED_STATS.map((stat): [string, (record: RunRecord) => Cell] => [`${stat}UsWithUnanswered`, (r) => r.summary.latencyWithUnansweredUs?.[stat]]),
  ['lowerBounds', (r) => r.summary.latencyWithUnansweredUs?.lowerBounds.join(' ')],
  ['errorsConnect', (r) => r.summary.errors?.connect],
  ['errorsRead', (r) => r.summary.errors?.read],
  ['errorsWrite', (r) => r.summary.errors?.write],
  ['errorsTimeout', (r) => r.summary.errors?.timeout],
  ['errorsStatus', (r) => r.summary.errors?.status],
];

const ERROR_KINDS: readonly (keyof ErrorCounts)[] = ['connect', 'read', 'write', 'timeout', 'status'];
/** The per-kind error columns are empty for records written before series points carried them. */
const SERIES_HEADER = ['runId', 'tMs', 'requests', 'errors', 'bytes', 'p50Us', 'p90Us', 'p99Us', 'maxUs', 'errorsConnect', 'errorsRead', 'errorsWrite', 'errorsTimeout', 'errorsStatus'];

export function runsCsv(records: readonly RunRecord[]): string {
  return csv([RUN_COLUMNS.map(([name]) => name), ...records.map((record) => RUN_COLUMNS.map(([, value]) => value(record)))]);
}

export function seriesCsv(records: readonly RunRecord[]): string {
  const rows = records.flatMap((record) =>
    record.series.map((point) => [record.id, point.tMs, point.requests, point.errors, point.bytes, point.latencyUs?.p50, point.latencyUs?.p90, point.latencyUs?.p99, point.latencyUs?.max, ...ERROR_KINDS.map((kind) => point.errorsByKind?.[kind])]),
  );
  return csv([SERIES_HEADER, ...rows]);
}

function csv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/**
 * Text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR: a title
 * `=HYPERLINK(…)` from an imported file) gets a leading apostrophe, so it is shown as text (OWASP's
 * advice for CSV injection). Numbers are written as they are.
 */
export function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

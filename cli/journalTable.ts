// `loadlab journal list` as a plain table: newest first, units in the headings, unknown as "?".
// Completion below 99 % carries "⚠"; a latency that unanswered requests make a lower bound reads
// "≥ …"; a run without any response has latency "unknown".
import { maxOf } from '../common/extent.ts';
import { shortCommit, type RunHeader } from '../common/runHeader.ts';
import { formatCompletion } from '../common/censored.ts';
import { formatFixed, formatTimeUs } from '../common/format.ts';
import { terminalLine } from '../common/terminalText.ts';
import type { BoundedStat } from '../common/runRecord.ts';

const COLUMNS = ['id', 'date', 'mode', 'req/s', 'done', 'p50', 'p99', 'errors', 'source', 'title'] as const;

/** An HdrHistogram log holds latencies only: what it lacks is "not in log", elsewhere "?". */
function unknownText(run: RunHeader): string {
  return run.sourceTool === 'hlog' ? 'not in log' : '?';
}

function latencyCell(run: RunHeader, valueUs: number | null, stat: BoundedStat): string {
  if (valueUs === null) return run.requests === 0 ? 'unknown' : '?';
  return `${run.latencyLowerBounds.includes(stat) ? '≥' : ''}${formatTimeUs(valueUs)}`;
}

function cells(run: RunHeader): string[] {
  const date = (run.startedAt ?? run.importedAt ?? '').slice(0, 16).replace('T', ' ');
  return [
    run.id,
    date === '' ? '?' : date,
    run.mode ?? unknownText(run),
    formatFixed(run.reqPerSec, 1),
    formatCompletion(run.completion, '?'),
    latencyCell(run, run.p50Us, 'p50'),
    latencyCell(run, run.p99Us, 'p99'),
    run.errors === null ? unknownText(run) : String(run.errors),
    sourceCell(run),
    run.title,
  ];
}

/** The tool of an import, the built-in server's model, or the profile at its commit ("profile:nginx-2@a1b2c3d+dirty"). */
function sourceCell(run: RunHeader): string {
  if (run.sourceTool !== null) return run.sourceTool;
  if (run.serverModel !== null) return `builtin:${run.serverModel}`;
  if (run.serverProfile !== null) return `profile:${run.serverProfile}${run.build === null ? '' : `@${shortCommit(run.build.commit)}${run.build.dirty ? '+dirty' : ''}`}`;
  return 'loadlab';
}

export function formatRunTable(runs: readonly RunHeader[]): string {
  if (runs.length === 0) return 'The journal is empty. Save a run with `loadlab bench --save …` or bring old reports in with `loadlab journal import FILE`.\n';
  const rows = [COLUMNS.map((column) => column.toUpperCase()), ...runs.map((run) => cells(run).map(terminalLine))];
  const widths = COLUMNS.map((_, index) => maxOf(rows.map((row) => (row[index] ?? '').length), 0));
  const numeric = new Set([3, 4, 5, 6, 7]);
  return `${rows
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : numeric.has(index) ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
        .join('  '),
    )
    .join('\n')}\n`;
}

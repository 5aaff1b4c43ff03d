// `loadlab journal list` as a plain table: newest first, units in the headings, unknown as "?".
import { maxOf } from '../common/extent.ts';
import type { RunHeader } from '../common/runHeader.ts';
import { formatFixed, formatTimeUs } from '../common/format.ts';
import { terminalLine } from '../common/terminalText.ts';

const COLUMNS = ['id', 'date', 'mode', 'req/s', 'p50', 'p99', 'errors', 'source', 'title'] as const;

function cells(run: RunHeader): string[] {
  const date = (run.startedAt ?? run.importedAt ?? '').slice(0, 16).replace('T', ' ');
  return [
    run.id,
    date === '' ? '?' : date,
    run.mode,
    formatFixed(run.reqPerSec, 1),
    run.p50Us === null ? '?' : formatTimeUs(run.p50Us),
    run.p99Us === null ? '?' : formatTimeUs(run.p99Us),
    String(run.errors),
    run.sourceTool ?? (run.serverModel !== null ? `builtin:${run.serverModel}` : 'loadlab'),
    run.title,
  ];
}

export function formatRunTable(runs: readonly RunHeader[]): string {
  if (runs.length === 0) return 'The journal is empty. Save a run with `loadlab bench --save …` or bring old reports in with `loadlab journal import FILE`.\n';
  const rows = [COLUMNS.map((column) => column.toUpperCase()), ...runs.map((run) => cells(run).map(terminalLine))];
  const widths = COLUMNS.map((_, index) => maxOf(rows.map((row) => (row[index] ?? '').length), 0));
  const numeric = new Set([3, 4, 5, 6]);
  return `${rows
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : numeric.has(index) ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
        .join('  '),
    )
    .join('\n')}\n`;
}

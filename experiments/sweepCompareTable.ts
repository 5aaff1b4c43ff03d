// Several sweeps' knees side by side for a terminal or a Markdown code block (`loadlab journal
// sweeps --compare`): one row per sweep, labelled by what tells the sweeps apart.
import { formatTimeUs } from '../common/format.ts';
import type { SweepKneeRow } from '../common/sweepKnees.ts';

const COLUMNS = ['sweep', 'knee (req/s)', 'p99 at knee', 'highest (req/s)', 'steps', 'id'] as const;

function rate(perSec: number | null): string {
  return perSec === null ? 'none' : Math.round(perSec).toLocaleString('en-US');
}

export function formatKneeTable(rows: readonly SweepKneeRow[]): string {
  const cells = rows.map((row) => [
    row.label,
    rate(row.kneePerSec),
    row.kneeP99Us === null ? (row.kneePerSec === null ? '-' : '?') : `${row.kneeP99LowerBound ? '≥' : ''}${formatTimeUs(row.kneeP99Us)}`,
    rate(row.highestAchievedPerSec),
    row.incompleteSteps === 0 ? String(row.steps) : `${row.steps} (${row.incompleteSteps} incomplete)`,
    row.id,
  ]);
  const widths = COLUMNS.map((title, column) => cells.reduce((widest, row) => Math.max(widest, row[column]?.length ?? 0), title.length));
  // The label and the id read left-aligned, the figures right-aligned.
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 || column === COLUMNS.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(COLUMNS), ...cells.map(line)].join('\n') + '\n';
}

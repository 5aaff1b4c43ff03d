// The sweep's table for a terminal or a Markdown code block: one row per step, the knee marked.
import { formatTimeUs } from '../common/format.ts';
import type { SweepResult } from './sweep.ts';
import { sloFigures } from './stepOutcome.ts';

const COLUMNS = ['target', 'achieved', 'completion', 'p50', 'p90', 'p99', 'p99.9', 'errors'] as const;

function latencyCell(us: number | null, lowerBound: boolean): string {
  if (us === null) return '?';
  return `${lowerBound ? '≥' : ''}${formatTimeUs(us)}`;
}

function rate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

/** One line per step after a header; the knee row ends with "← knee", bad rows say why. */
export function formatSweepTable(result: SweepResult): string {
  const rows = result.steps.map((step, i) => {
    const figures = sloFigures(step.record);
    const bound = figures.latencyIsLowerBound;
    const errors = step.record.summary.errors;
    const errorCount = errors.connect + errors.read + errors.write + errors.timeout + errors.status;
    const cells = [
      rate(step.outcome.targetPerSec),
      rate(step.outcome.achievedPerSec),
      figures.completionPct === null ? '?' : `${figures.completionPct.toFixed(2)}%`,
      latencyCell(figures.latencyUs.p50, bound),
      latencyCell(figures.latencyUs.p90, bound),
      latencyCell(figures.latencyUs.p99, bound),
      latencyCell(figures.latencyUs.p999, bound),
      String(errorCount),
    ];
    const note = i === result.knee.kneeIndex ? '← knee' : step.judgement.good ? '' : step.judgement.reasons.join('; ');
    return { cells, note: `${step.kind === 'refine' ? '(refine) ' : ''}${note}`.trim() };
  });
  const widths = COLUMNS.map((title, column) => rows.reduce((widest, row) => Math.max(widest, row.cells[column]?.length ?? 0), title.length));
  const line = (cells: readonly string[], note: string): string =>
    `${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ')}${note === '' ? '' : `  ${note}`}`.trimEnd();
  return [line(COLUMNS, ''), ...rows.map((row) => line(row.cells, row.note))].join('\n') + '\n';
}

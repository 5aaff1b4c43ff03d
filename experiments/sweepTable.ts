// The sweep's table for a terminal or a Markdown code block: one row per step, the knee marked.
import { formatTimeUs } from '../common/format.ts';
import { totalErrors } from '../common/runRecord.ts';
import type { LatencyFigure, SloFigures } from '../common/slo.ts';
import type { SweepResult } from './sweep.ts';
import { sloFigures } from './stepOutcome.ts';

const COLUMNS = ['target', 'achieved', 'completion', 'p50', 'p90', 'p99', 'p99.9', 'errors'] as const;

function latencyCell(figures: SloFigures, figure: LatencyFigure): string {
  const us = figures.latencyUs[figure];
  if (us === null) return '?';
  return `${figures.latencyLowerBounds.includes(figure) ? '≥' : ''}${formatTimeUs(us)}`;
}

function rate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

/** One line per step after a header; the knee row ends with "← knee", bad rows say why. */
export function formatSweepTable(result: SweepResult): string {
  const rows = result.steps.map((step, i) => {
    const figures = sloFigures(step.record);
    const errors = step.record.summary.errors;
    const cells = [
      rate(step.outcome.targetPerSec),
      rate(step.outcome.achievedPerSec),
      figures.completionPct === null ? '?' : `${figures.completionPct.toFixed(2)}%`,
      latencyCell(figures, 'p50'),
      latencyCell(figures, 'p90'),
      latencyCell(figures, 'p99'),
      latencyCell(figures, 'p999'),
      errors === null ? '?' : String(totalErrors(errors)),
    ];
    const note = i === result.knee.kneeIndex ? '← knee' : step.judgement.good ? '' : step.judgement.reasons.join('; ');
    return { cells, note: `${step.kind === 'refine' ? '(refine) ' : ''}${note}`.trim() };
  });
  const widths = COLUMNS.map((title, column) => rows.reduce((widest, row) => Math.max(widest, row.cells[column]?.length ?? 0), title.length));
  const line = (cells: readonly string[], note: string): string =>
    `${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ')}${note === '' ? '' : `  ${note}`}`.trimEnd();
  return [line(COLUMNS, ''), ...rows.map((row) => line(row.cells, row.note))].join('\n') + '\n';
}

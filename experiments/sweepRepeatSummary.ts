// Repeats of one sweep summarised (`loadlab sweep --repeat N`): the knee's median and range over
// the repeats, and the highest throughput's, so a reader sees whether the knee is stable. Pure.
import type { SweepKneeRow } from '../common/sweepKnees.ts';

/** A repeat's figures; `kneeAtTop`: every step was good, so the knee is only a lower bound (the top rate). */
export type RepeatKnee = Pick<SweepKneeRow, 'kneePerSec' | 'highestAchievedPerSec'> & { kneeAtTop: boolean };

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface SweepRepeatSummary {
  /** Sweeps summarised (those that ran to their end). */
  sweeps: number;
  /** Repeats asked for. */
  planned: number;
  /** Knee over the sweeps that found one; null when none did. */
  kneePerSec: Spread | null;
  /** Sweeps without a knee (even their lowest step was not good). */
  withoutKnee: number;
  /**
   * Sweeps good up to their top rate: their knee counts as that rate, a lower bound, so the
   * median is then a lower bound too (the median cannot fall when a value rises).
   */
  kneesAtTop: number;
  /** Highest achieved throughput over all the sweeps; null with no sweep. */
  highestAchievedPerSec: Spread | null;
}

/** Median (mean of the two middle values for an even count), least and greatest; null for none. */
export function spreadOf(values: readonly number[]): Spread | null {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  const upper = sorted[Math.floor(sorted.length / 2)] ?? first;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? first;
  return { median: (lower + upper) / 2, min: first, max: last };
}

export function summariseRepeats(rows: readonly RepeatKnee[], planned: number): SweepRepeatSummary {
  const knees = rows.flatMap((row) => (row.kneePerSec === null ? [] : [row.kneePerSec]));
  return {
    sweeps: rows.length,
    planned,
    kneePerSec: spreadOf(knees),
    withoutKnee: rows.length - knees.length,
    kneesAtTop: rows.filter((row) => row.kneePerSec !== null && row.kneeAtTop).length,
    highestAchievedPerSec: spreadOf(rows.map((row) => row.highestAchievedPerSec)),
  };
}

function rate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

function spreadText(spread: Spread, bound = ''): string {
  return `median ${bound}${rate(spread.median)} req/s, range ${rate(spread.min)}–${rate(spread.max)}`;
}

function notes(summary: SweepRepeatSummary): string {
  const parts = [
    ...(summary.withoutKnee > 0 ? [`${summary.withoutKnee} without a knee`] : []),
    ...(summary.kneesAtTop > 0 ? [`${summary.kneesAtTop} good up to the top rate, so at least that`] : []),
  ];
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/**
 * One line for the target, e.g. "http://…/: 3 of 3 sweeps; knee median 400 req/s, range
 * 350–400 (1 without a knee); highest median 455 req/s, range 430–470". The knee's median is
 * over the sweeps that found one, and the line says how many did not.
 */
export function formatRepeatSummary(target: string, summary: SweepRepeatSummary): string {
  const knee =
    summary.kneePerSec === null
      ? 'no knee in any sweep'
      : `knee ${spreadText(summary.kneePerSec, summary.kneesAtTop > 0 ? '≥' : '')}${notes(summary)}`;
  const highest = summary.highestAchievedPerSec === null ? 'highest unknown' : `highest ${spreadText(summary.highestAchievedPerSec)}`;
  return `${target}: ${summary.sweeps} of ${summary.planned} sweeps; ${knee}; ${highest}\n`;
}

// A sweep's latency curve: one row per step in load order (by target rate), x the throughput it
// achieved (a server that gave out bends back), y p50/p90/p99 on a log axis in one unit. A figure
// that is only a lower bound, or of a step that answered under 99 % of its requests, goes to its
// `…Bound` series, drawn dashed, joined to the measured neighbours so the curve stays one path;
// the measured series skip it.
import type { SweepLatencyFigure, SweepStepView } from '../../../../common/labApi.ts';
import { isPartialFigure } from '../../../../common/sweepKnees.ts';
import { logLatencyAxis, type LogAxis } from './logAxis.ts';

export const CURVE_FIGURES = ['p50', 'p90', 'p99'] as const satisfies readonly SweepLatencyFigure[];
export type CurveFigure = (typeof CURVE_FIGURES)[number];
export type BoundKey = `${CurveFigure}Bound`;

export type SweepCurveRow = {
  targetPerSec: number;
  achievedPerSec: number;
  good: boolean;
} & Record<CurveFigure | BoundKey, number | null>;

export interface SweepCurveData {
  rows: SweepCurveRow[];
  axis: LogAxis;
  /** The knee step's point (x achieved, y p99 in the axis unit); null without a knee. */
  knee: { achievedPerSec: number; targetPerSec: number; p99: number | null } | null;
}

export const boundKey = (figure: CurveFigure): BoundKey => `${figure}Bound`;

export function sweepCurveData(steps: readonly SweepStepView[], kneePerSec: number | null): SweepCurveData {
  const sorted = [...steps].sort((a, b) => a.targetPerSec - b.targetPerSec);
  const axis = logLatencyAxis(sorted.flatMap((step) => CURVE_FIGURES.map((figure) => step.latencyUs[figure])));
  const inUnit = (us: number | null): number | null => (us === null ? null : us / axis.unit.perUs);
  const rows = sorted.map((step, i): SweepCurveRow => {
    const row = { targetPerSec: step.targetPerSec, achievedPerSec: step.achievedPerSec, good: step.good } as SweepCurveRow;
    for (const figure of CURVE_FIGURES) {
      const value = inUnit(step.latencyUs[figure]);
      const bound = isPartialFigure(step, figure);
      const neighbourBound = [sorted[i - 1], sorted[i + 1]].some((other) => other !== undefined && isPartialFigure(other, figure) && other.latencyUs[figure] !== null);
      row[figure] = bound ? null : value;
      row[boundKey(figure)] = bound || neighbourBound ? value : null;
    }
    return row;
  });
  const kneeRow = kneePerSec === null ? undefined : rows.find((row) => row.targetPerSec === kneePerSec);
  return {
    rows,
    axis,
    knee: kneeRow === undefined ? null : { achievedPerSec: kneeRow.achievedPerSec, targetPerSec: kneeRow.targetPerSec, p99: kneeRow.p99 ?? kneeRow.p99Bound },
  };
}

// Several sweeps on one chart: per sweep, one latency figure (p50, p90, p99 or p99.9) against the
// throughput each step achieved, on one log axis in one unit. A point whose figure is only a lower
// bound, or whose step answered under 99 % of its requests (common/sweepKnees.ts), goes to the
// sweep's `partial` line — dashed, hollow points, joined to its measured neighbours — and the
// `measured` line skips it, so no incomplete step reads as an ordinary point.
import type { SweepLatencyFigure, SweepStepView } from '../../../../common/labApi.ts';
import { linearTicks } from '../../../../common/chart/axis.ts';
import { isPartialFigure } from '../../../../common/sweepKnees.ts';
import { logLatencyAxis, type LogAxis } from './logAxis.ts';

export interface OverlaidSweep {
  id: string;
  label: string;
  color: string;
  steps: readonly SweepStepView[];
  kneePerSec: number | null;
}

export interface OverlayPoint {
  /** Achieved req/s. */
  x: number;
  /** The figure in the axis unit; null where this line skips the step. */
  y: number | null;
  targetPerSec: number;
  completion: number | null;
  /** The figure in µs (for the point's hover text); null when unknown. */
  valueUs: number | null;
  /** The figure is only a lower bound (unanswered requests counted at their wait). */
  lowerBound: boolean;
  /** Drawn hollow: a lower bound, or an incomplete step. */
  partial: boolean;
}

export interface OverlayLine {
  id: string;
  label: string;
  color: string;
  measured: OverlayPoint[];
  /** Empty when every point was measured whole. */
  partial: OverlayPoint[];
  /** The knee step's point; null without a knee or without the figure there. */
  knee: OverlayPoint | null;
}

export interface SweepOverlayData {
  lines: OverlayLine[];
  axis: LogAxis;
  /** The largest achieved rate drawn. */
  maxX: number;
  /** Round req/s ticks from 0 to at or past maxX; the x domain is their range. */
  xTicks: number[];
}

export function sweepOverlayData(sweeps: readonly OverlaidSweep[], figure: SweepLatencyFigure): SweepOverlayData {
  const axis = logLatencyAxis(sweeps.flatMap((sweep) => sweep.steps.map((step) => step.latencyUs[figure])));
  const inUnit = (us: number | null): number | null => (us === null ? null : us / axis.unit.perUs);
  let maxX = 0;
  const lines = sweeps.map((sweep): OverlayLine => {
    // Load order: a server that gave out bends back to lower throughput.
    const steps = [...sweep.steps].sort((a, b) => a.targetPerSec - b.targetPerSec);
    const points = steps.map((step): OverlayPoint => {
      maxX = Math.max(maxX, step.achievedPerSec);
      return {
        x: step.achievedPerSec,
        y: inUnit(step.latencyUs[figure]),
        targetPerSec: step.targetPerSec,
        completion: step.completion,
        valueUs: step.latencyUs[figure],
        lowerBound: step.lowerBounds.includes(figure),
        partial: isPartialFigure(step, figure),
      };
    });
    const isPartial = (index: number): boolean => points[index]?.partial === true && points[index]?.y !== null;
    const measured = points.map((point, index) => (isPartial(index) ? { ...point, y: null } : point));
    const partial = points.map((point, index) => (isPartial(index) || isPartial(index - 1) || isPartial(index + 1) ? point : { ...point, y: null }));
    const kneePoint = sweep.kneePerSec === null ? undefined : points.find((point) => point.targetPerSec === sweep.kneePerSec);
    return {
      id: sweep.id,
      label: sweep.label,
      color: sweep.color,
      measured,
      partial: points.some((_point, index) => isPartial(index)) ? partial : [],
      knee: kneePoint === undefined || kneePoint.y === null ? null : kneePoint,
    };
  });
  return { lines, axis, maxX, xTicks: linearTicks(0, maxX, 6).map((tick) => tick.value) };
}

// Percentile spectra ready to draw, one line per run: x = 1/(1−p) on a log axis labelled
// 50%/90%/99%/99.9%…, latency in the unit that fits the largest value, linear or log.
import { inverseTailTicks, latencyUnit, type LatencyUnit, type Tick } from '../../../../common/chart/axis.ts';
import type { SpectrumPoint } from '../../../../common/chart/spectrum.ts';
import { logLatencyAxis } from './logAxis.ts';
import { mergeByX, type MergedRow } from './mergeByX.ts';

export interface SpectrumLine {
  key: string;
  points: readonly SpectrumPoint[];
}

export interface SpectrumChartData {
  /** x = inverseTail; one column per line key, latency in `unit`. */
  rows: MergedRow[];
  xTicks: Tick[];
  xDomain: [number, number];
  unit: LatencyUnit;
  /** Log y only: the domain and ticks in `unit`. */
  yDomain: [number, number] | null;
  yTicks: number[] | null;
}

export function spectrumChartData(lines: readonly SpectrumLine[], logY: boolean): SpectrumChartData {
  let maxTail = 1;
  let maxUs = 0;
  for (const line of lines) {
    for (const point of line.points) {
      if (point.inverseTail > maxTail) maxTail = point.inverseTail;
      if (point.valueUs > maxUs) maxUs = point.valueUs;
    }
  }
  // Up to the next decade, so the deepest percentile the data reaches is labelled.
  const xTicks = inverseTailTicks(10 ** Math.ceil(Math.log10(maxTail) - 1e-9));
  const lastTick = xTicks.at(-1)?.value ?? 10;
  const log = logY ? logLatencyAxis(lines.flatMap((line) => line.points.map((point) => point.valueUs))) : null;
  const unit = log?.unit ?? latencyUnit(maxUs);
  const rows = mergeByX(lines.map((line) => ({ key: line.key, points: line.points.map((point) => ({ x: point.inverseTail, y: point.valueUs / unit.perUs })) })));
  return { rows, xTicks, xDomain: [1, Math.max(lastTick, maxTail)], unit, yDomain: log?.domain ?? null, yTicks: log?.ticks ?? null };
}

/** "99.9%" for the tooltip, from an x of 1/(1−p). */
export function percentileText(inverseTail: number): string {
  const percentile = 100 * (1 - 1 / inverseTail);
  const digits = Math.min(6, Math.max(1, Math.ceil(Math.log10(inverseTail)) - 1));
  return `${Number(percentile.toFixed(digits))}%`;
}

/** Past this ratio of the largest to the median latency, a linear axis flattens the body of the curve. */
export const LOG_WHEN_TAIL_OVER_MEDIAN = 50;

/** Whether the latency axis should start logarithmic: when the tail dwarfs the median. */
export function preferLogLatency(lines: readonly SpectrumLine[]): boolean {
  let maxUs = 0;
  let minMedianUs = Infinity;
  for (const line of lines) {
    const median = line.points.find((point) => point.percentile >= 50)?.valueUs;
    if (median !== undefined && median > 0 && median < minMedianUs) minMedianUs = median;
    for (const point of line.points) if (point.valueUs > maxUs) maxUs = point.valueUs;
  }
  return Number.isFinite(minMedianUs) && maxUs / minMedianUs > LOG_WHEN_TAIL_OVER_MEDIAN;
}

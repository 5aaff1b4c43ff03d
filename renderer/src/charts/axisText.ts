// Tooltip and tick texts shared by the charts.
import { formatSignificant, formatTickNumber } from '../../../common/chart/axis.ts';
import type { AxisSpec } from './LineChartBox.tsx';
import type { TimeAxis } from './shape/timeAxis.ts';
import * as figures from '../format/figures.ts';

export const TIME_AXIS_LABEL = 'time since start (s)';

export function secondsText(seconds: number): string {
  return `${formatSignificant(seconds)} s`;
}

export function perSecText(value: number): string {
  return `${figures.rate(value)}/s`;
}

export function countText(value: number): string {
  return figures.count(Math.round(value * 10) / 10);
}

/** A time x axis: shared domain and ticks when given (one run's charts line up), else the data's. */
export function timeSpec(label: string, time: TimeAxis | undefined): AxisSpec {
  return time === undefined ? { label, scale: 'linear', format: formatTickNumber } : { label, scale: 'linear', domain: time.domain, ticks: time.ticks, format: formatTickNumber };
}

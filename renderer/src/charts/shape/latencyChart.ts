// Latency lines ready to draw: downsampled for drawing, a log axis in the unit that fits, values
// divided into that unit.
import { downsampleRows } from './downsampleRows.ts';
import { logLatencyAxis, type LogAxis } from './logAxis.ts';

/** Rows drawn per chart at most; a chart is rarely wider than this many pixels / 2. */
export const MAX_DRAWN_ROWS = 500;

export interface LatencyChartData<Row> {
  rows: Row[];
  axis: LogAxis;
}

export function latencyChartData<Row extends Record<K, number | null>, K extends string>(rows: readonly Row[], keys: readonly K[], maxRows = MAX_DRAWN_ROWS): LatencyChartData<Row> {
  const drawn = downsampleRows(rows, keys, maxRows);
  const axis = logLatencyAxis(drawn.flatMap((row) => keys.map((key) => row[key])));
  return { rows: scaleRows(drawn, keys, axis.unit.perUs), axis };
}

/** Each key's value divided by `divisor` (nulls stay null); other fields are copied. */
export function scaleRows<Row extends Record<K, number | null>, K extends string>(rows: readonly Row[], keys: readonly K[], divisor: number): Row[] {
  if (divisor === 1) return [...rows];
  return rows.map((row) => {
    const scaled = { ...row };
    for (const key of keys) {
      const value = row[key];
      scaled[key] = (value === null ? null : value / divisor) as Row[K];
    }
    return scaled;
  });
}

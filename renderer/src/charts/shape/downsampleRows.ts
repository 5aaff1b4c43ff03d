// Fewer rows for drawing a multi-line chart without losing any line's spikes: for each line, the
// rows that common/chart's downsample keeps (its min and max per bucket) are kept whole, so every
// kept row still has every line's true value at that x. Numbers shown elsewhere never come from here.
import { downsample } from '../../../../common/chart/downsample.ts';

export function downsampleRows<Row extends Record<K, number | null>, K extends string>(rows: readonly Row[], keys: readonly K[], maxRows: number): Row[] {
  if (rows.length <= maxRows || keys.length === 0) return [...rows];
  const perKey = Math.max(4, Math.floor(maxRows / keys.length));
  const kept = new Set<number>();
  for (const key of keys) {
    const points = rows.map((row, index) => ({ x: index, y: row[key] }));
    for (const point of downsample(points, perKey)) kept.add(point.x);
  }
  return [...kept].sort((a, b) => a - b).flatMap((index) => {
    const row = rows[index];
    return row === undefined ? [] : [row];
  });
}

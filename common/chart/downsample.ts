// Fewer points for drawing, without losing spikes: per bucket keep the lowest and the highest
// point (in x order), so a one-interval stall still reaches its full height.

export interface ChartPoint {
  x: number;
  /** null: no value here (a gap in the line). */
  y: number | null;
}

/**
 * At most `maxPoints` points (at least 2 are kept, the first and the last always are). Points are
 * cut into ⌊maxPoints/2⌋ buckets of consecutive points; each bucket keeps its min and max y. A bucket
 * with no value at all becomes a single gap point, so long gaps stay gaps.
 */
export function downsample(points: readonly ChartPoint[], maxPoints: number): ChartPoint[] {
  const limit = Math.max(2, Math.floor(maxPoints));
  if (points.length <= limit) return [...points];
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return [];
  const inner = points.slice(1, -1);
  const buckets = Math.floor((limit - 2) / 2);
  const kept: ChartPoint[] = [first];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const from = Math.floor((bucket * inner.length) / buckets);
    const to = Math.floor(((bucket + 1) * inner.length) / buckets);
    for (const point of extremes(inner.slice(from, to))) kept.push(point);
  }
  kept.push(last);
  return kept;
}

function extremes(bucket: readonly ChartPoint[]): ChartPoint[] {
  let low: ChartPoint | undefined;
  let high: ChartPoint | undefined;
  let lowIndex = -1;
  let highIndex = -1;
  bucket.forEach((point, index) => {
    if (point.y === null) return;
    if (low === undefined || low.y === null || point.y < low.y) {
      low = point;
      lowIndex = index;
    }
    if (high === undefined || high.y === null || point.y > high.y) {
      high = point;
      highIndex = index;
    }
  });
  if (low === undefined || high === undefined) {
    const gap = bucket[0];
    return gap === undefined ? [] : [gap];
  }
  if (lowIndex === highIndex) return [low];
  return lowIndex < highIndex ? [low, high] : [high, low];
}

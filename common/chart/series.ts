// Per-interval chart points from a run's series: throughput and latency over time.
import type { RunRecord } from '../runRecord.ts';

export interface SeriesChartPoint {
  /** End of the interval, ms since the run started. */
  tMs: number;
  /** Responses completed in the interval divided by its length. */
  reqPerSec: number;
  /** Latency percentiles of the interval's responses (corrected in rate mode); null when it had none. */
  p50Us: number | null;
  p90Us: number | null;
  p99Us: number | null;
  maxUs: number | null;
}

/**
 * One point per interval. Each interval runs from the previous point's tMs (0 for the first) to
 * its own, so a short last interval still gives its true rate. A point whose interval has no
 * length (a duplicate timestamp) is skipped: its rate is undefined.
 */
export function seriesPoints(record: Pick<RunRecord, 'series'>): SeriesChartPoint[] {
  const points: SeriesChartPoint[] = [];
  let previousMs = 0;
  for (const point of record.series) {
    const lengthMs = point.tMs - previousMs;
    if (lengthMs > 0) points.push(chartPoint(point, lengthMs));
    previousMs = Math.max(previousMs, point.tMs);
  }
  return points;
}

function chartPoint(point: RunRecord['series'][number], lengthMs: number): SeriesChartPoint {
  const latency = point.latencyUs;
  return {
    tMs: point.tMs,
    reqPerSec: (point.requests * 1000) / lengthMs,
    p50Us: latency?.p50 ?? null,
    p90Us: latency?.p90 ?? null,
    p99Us: latency?.p99 ?? null,
    maxUs: latency?.max ?? null,
  };
}

import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../runRecord.ts';
import { seriesPoints } from './series.ts';

const latency = { p50: 100, p90: 200, p99: 300, max: 900 };

function point(tMs: number, requests: number, latencyUs: SeriesPoint['latencyUs'] = latency): SeriesPoint {
  return { tMs, requests, errors: 0, bytes: requests * 10, latencyUs };
}

describe('seriesPoints', () => {
  it.each([
    // [case, series, expected (tMs, reqPerSec)]
    ['one-second intervals', [point(1000, 200), point(2000, 210)], [[1000, 200], [2000, 210]]],
    ['a short last interval keeps its true rate', [point(1000, 200), point(1500, 100)], [[1000, 200], [1500, 200]]],
    ['100 ms intervals', [point(100, 20), point(200, 30)], [[100, 200], [200, 300]]],
    ['a duplicate timestamp has no length and is skipped', [point(1000, 200), point(1000, 5), point(2000, 200)], [[1000, 200], [2000, 200]]],
    ['no series, no points', [], []],
  ] as const)('%s', (_name, series, expected) => {
    const points = seriesPoints({ series: [...series] });
    expect(points.map((p) => [p.tMs, p.reqPerSec])).toEqual(expected);
  });

  it('copies the interval percentiles', () => {
    expect(seriesPoints({ series: [point(1000, 1)] })[0]).toEqual({ tMs: 1000, reqPerSec: 1, p50Us: 100, p90Us: 200, p99Us: 300, maxUs: 900 });
  });

  it('an interval without responses has unknown latency (null), not 0', () => {
    expect(seriesPoints({ series: [point(1000, 0, null)] })[0]).toEqual({ tMs: 1000, reqPerSec: 0, p50Us: null, p90Us: null, p99Us: null, maxUs: null });
  });
});

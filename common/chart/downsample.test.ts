import { describe, expect, it } from 'vitest';
import { downsample, type ChartPoint } from './downsample.ts';

const line = (ys: readonly (number | null)[]): ChartPoint[] => ys.map((y, x) => ({ x, y }));

describe('downsample', () => {
  it('returns short inputs unchanged (a copy)', () => {
    const points = line([1, 2, 3]);
    const result = downsample(points, 10);
    expect(result).toEqual(points);
    expect(result).not.toBe(points);
  });

  it('keeps at most maxPoints, the first and the last', () => {
    const points = line(Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50)));
    const result = downsample(points, 200);
    expect(result.length).toBeLessThanOrEqual(200);
    expect(result.length).toBeGreaterThan(150);
    expect(result[0]).toEqual(points[0]);
    expect(result.at(-1)).toEqual(points.at(-1));
  });

  it('keeps a one-point spike and a one-point dip', () => {
    const ys = Array.from({ length: 1000 }, () => 10);
    ys[437] = 5000;
    ys[811] = 0;
    const result = downsample(line(ys), 50);
    expect(result).toContainEqual({ x: 437, y: 5000 });
    expect(result).toContainEqual({ x: 811, y: 0 });
  });

  it('keeps x order inside a bucket (max before min when it came first)', () => {
    const result = downsample(line([0, 9, 1, 0, 5, 0]), 4);
    expect(result).toEqual([{ x: 0, y: 0 }, { x: 1, y: 9 }, { x: 3, y: 0 }, { x: 5, y: 0 }]);
    for (let index = 1; index < result.length; index++) expect(result[index]?.x).toBeGreaterThan(result[index - 1]?.x ?? -1);
  });

  it('a bucket with no values stays a gap; values beside nulls are kept', () => {
    const ys: (number | null)[] = [1, 2, null, null, null, null, 3, 4, 1];
    const result = downsample(line(ys), 8);
    expect(result.some((point) => point.y === null)).toBe(true);
    expect(result.filter((point) => point.y !== null).map((point) => point.y)).toContain(4);
  });

  it('maxPoints below 4 keeps just the ends', () => {
    expect(downsample(line([1, 5, 2, 8, 3]), 2)).toEqual([{ x: 0, y: 1 }, { x: 4, y: 3 }]);
    expect(downsample(line([]), 2)).toEqual([]);
  });
});

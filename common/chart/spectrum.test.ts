import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeHistogram, encodeHistogram, recordLatencyUs } from '../histogram.ts';
import type { PartialLatencySummary } from '../runRecord.ts';
import { inverseTail, spectrumPoints, summarySpectrumPoints } from './spectrum.ts';

function encoded(valuesUs: readonly number[]): string {
  const histogram = createLatencyHistogram();
  for (const value of valuesUs) recordLatencyUs(histogram, value);
  return encodeHistogram(histogram);
}

/** 1 … 10 000 µs, one each: the value at p is about p% of 10 000. */
const uniform = encoded(Array.from({ length: 10_000 }, (_, index) => index + 1));

describe('spectrumPoints', () => {
  it('follows HdrHistogram percentile iteration: 0%, 10%, 20% … closing in on 100% by halves', () => {
    const points = spectrumPoints(uniform);
    expect(points.slice(0, 4).map((point) => point.percentile)).toEqual([0, 10, 20, 30]);
    // 5 ticks per half distance: 50% → 55%, then 75% → 77.5%.
    expect(points.map((point) => point.percentile)).toContain(55);
    expect(points.map((point) => point.percentile)).toContain(77.5);
  });

  it('gives inverseTail = 1/(1−p) and monotonic values and levels', () => {
    const points = spectrumPoints(uniform);
    for (const point of points) expect(point.inverseTail).toBeCloseTo(1 / (1 - point.percentile / 100), 9);
    for (let index = 1; index < points.length; index++) {
      const previous = points[index - 1];
      const point = points[index];
      if (!previous || !point) continue;
      expect(point.percentile).toBeGreaterThan(previous.percentile);
      expect(point.valueUs).toBeGreaterThanOrEqual(previous.valueUs);
    }
  });

  it('matches getValueAtPercentile at the levels it passes (within the histogram resolution)', () => {
    const histogram = decodeHistogram(uniform);
    for (const point of spectrumPoints(uniform).filter((p) => [50, 90, 99].includes(p.percentile))) {
      expect(point.valueUs).toBe(histogram.getValueAtPercentile(point.percentile));
    }
  });

  it('leaves out 100% (its 1/(1−p) is infinite) and reaches into the tail', () => {
    const points = spectrumPoints(uniform);
    expect(points.every((point) => point.percentile < 100 && Number.isFinite(point.inverseTail))).toBe(true);
    expect(points.at(-1)?.percentile).toBeGreaterThan(99.9);
  });

  it('an empty histogram has no points; a single value has one flat level', () => {
    expect(spectrumPoints(encoded([]))).toEqual([]);
    const single = spectrumPoints(encoded([500]));
    expect(single.length).toBeGreaterThan(0);
    expect(new Set(single.map((point) => point.valueUs))).toEqual(new Set([500]));
  });

  it('throws on text that is not a histogram', () => {
    expect(() => spectrumPoints('not a histogram')).toThrow();
  });
});

describe('summarySpectrumPoints', () => {
  const known: PartialLatencySummary = {
    count: 100, min: 1, mean: 2, stdev: 1, max: 9, p50: 2, p75: 3, p90: 4, p99: 5, p999: 6, p9999: 7, p99999: 8, withinStdevPct: 70,
  };

  it('one point per known percentile', () => {
    const points = summarySpectrumPoints(known);
    expect(points.map((point) => [point.percentile, point.valueUs])).toEqual([
      [50, 2], [75, 3], [90, 4], [99, 5], [99.9, 6], [99.99, 7], [99.999, 8],
    ]);
    expect(points[3]?.inverseTail).toBeCloseTo(100, 9);
  });

  it('unknown percentiles are left out, never 0', () => {
    const points = summarySpectrumPoints({ ...known, p75: null, p999: null, p9999: null, p99999: null });
    expect(points.map((point) => point.percentile)).toEqual([50, 90, 99]);
  });

  it('no responses, no points', () => {
    expect(summarySpectrumPoints({ ...known, count: 0 })).toEqual([]);
  });

  it('inverseTail', () => {
    expect(inverseTail(0)).toBe(1);
    expect(inverseTail(50)).toBe(2);
    expect(inverseTail(99.9)).toBeCloseTo(1000, 6);
  });
});

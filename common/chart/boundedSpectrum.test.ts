import { describe, expect, it } from 'vitest';
import type { BoundedSpectrumPoint } from './censoredSpectrum.ts';
import { splitLowerBounds } from './boundedSpectrum.ts';

const point = (percentile: number, valueUs: number, lowerBound: boolean): BoundedSpectrumPoint => ({ percentile, inverseTail: 1 / (1 - percentile / 100), valueUs, lowerBound });

describe('splitLowerBounds', () => {
  it('keeps a spectrum without bounds whole', () => {
    const split = splitLowerBounds([point(0, 10, false), point(50, 20, false), point(90, 30, false)]);
    expect(split.exact.map((p) => p.valueUs)).toEqual([10, 20, 30]);
    expect(split.bound).toEqual([]);
  });

  it('draws from the first bound on as bounds, joined at the last exact point', () => {
    const split = splitLowerBounds([point(0, 10, false), point(50, 20, false), point(90, 2_000_000, true), point(99, 2_000_000, true)]);
    expect(split.exact.map((p) => p.percentile)).toEqual([0, 50]);
    expect(split.bound.map((p) => p.percentile)).toEqual([50, 90, 99]);
    expect(split.bound[0]).not.toHaveProperty('lowerBound');
  });

  it('marks a later exact point as a bound (conservative), and all when the first is a bound', () => {
    expect(splitLowerBounds([point(0, 10, false), point(50, 20, true), point(90, 30, false)]).bound.map((p) => p.percentile)).toEqual([0, 50, 90]);
    const all = splitLowerBounds([point(0, 10, true), point(50, 20, true)]);
    expect(all.exact).toEqual([]);
    expect(all.bound.map((p) => p.percentile)).toEqual([0, 50]);
  });
});

import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../histogram.ts';
import { censoredSpectrumPoints } from './censoredSpectrum.ts';
import { spectrumPoints } from './spectrum.ts';

function encoded(values: ReadonlyArray<[number, number]>): string {
  const histogram = createLatencyHistogram();
  for (const [valueUs, count] of values) for (let i = 0; i < count; i++) recordLatencyUs(histogram, valueUs);
  const text = encodeHistogram(histogram);
  histogram.destroy();
  return text;
}

describe('censoredSpectrumPoints', () => {
  it('is the answered spectrum, all exact, when nothing went unanswered', () => {
    const answered = encoded([[1_000, 90], [5_000, 10]]);
    const points = censoredSpectrumPoints(answered, encoded([]));
    expect(points.map(({ percentile, valueUs }) => ({ percentile, valueUs }))).toEqual(spectrumPoints(answered).map(({ percentile, valueUs }) => ({ percentile, valueUs })));
    expect(points.every((point) => !point.lowerBound)).toBe(true);
  });

  it('draws unanswered requests at their wait and marks the percentiles they can move', () => {
    // 90 answered in 1 ms, 10 unanswered that had waited 2 s when the run ended.
    const points = censoredSpectrumPoints(encoded([[1_000, 90]]), encoded([[2_000_000, 10]]));
    const at = (percentile: number) => points.find((point) => point.percentile >= percentile);
    // p50 is an answered value the censored ones cannot reach: exact.
    expect(at(50)).toMatchObject({ lowerBound: false });
    expect(at(50)?.valueUs).toBeLessThan(1_100);
    expect(at(90)).toMatchObject({ lowerBound: false });
    // Past 90 % the answered run out: the curve climbs to ~2 s and says "at least".
    const tail = points.filter((point) => point.percentile > 90);
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.every((point) => point.lowerBound && point.valueUs > 1_990_000)).toBe(true);
    // Without them, the answered-only spectrum never leaves 1 ms: the view this replaces.
    expect(Math.max(...spectrumPoints(encoded([[1_000, 90]])).map((point) => point.valueUs))).toBeLessThan(1_100);
  });

  it('marks every point a lower bound when the unanswered sit lowest (given up early)', () => {
    // 10 answered in 50 ms; 90 given up after a 1 ms connect failure: bounds, not values, from the bottom.
    const points = censoredSpectrumPoints(encoded([[50_000, 10]]), encoded([[1_000, 90]]));
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((point) => point.percentile < 90).every((point) => point.lowerBound)).toBe(true);
  });

  it('gives no points for empty histograms', () => {
    expect(censoredSpectrumPoints(encoded([]), encoded([]))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { inverseTail, type SpectrumPoint } from '../../../../common/chart/spectrum.ts';
import { percentileText, preferLogLatency, spectrumChartData } from './spectrumChart.ts';

const point = (percentile: number, valueUs: number): SpectrumPoint => ({ percentile, inverseTail: inverseTail(percentile), valueUs });

describe('spectrumChartData', () => {
  const a = [point(0, 500), point(50, 900), point(90, 1500), point(99, 4000), point(99.9, 12_000)];
  const b = [point(0, 800), point(50, 1200), point(90, 3000), point(99, 250_000)];

  it('merges the lines on 1/(1−p), in the unit of the largest value', () => {
    const data = spectrumChartData([{ key: 'a', points: a }, { key: 'b', points: b }], false);
    expect(data.unit.label).toBe('ms');
    expect(data.rows.map((row) => row.x)).toEqual(a.map((p) => p.inverseTail));
    expect(data.rows[3]).toEqual({ x: a[3]?.inverseTail, a: 4, b: 250 });
    expect(data.rows[4]).toEqual({ x: a[4]?.inverseTail, a: 12, b: null });
    expect(data.yDomain).toBeNull();
  });

  it('labels the x axis to the first decade at or past the deepest tail', () => {
    const data = spectrumChartData([{ key: 'a', points: a }], false);
    expect(data.xTicks.map((tick) => tick.label)).toEqual(['0%', '50%', '90%', '99%', '99.9%']);
    expect(data.xDomain[0]).toBe(1);
    expect(data.xDomain[1]).toBeCloseTo(1000, 6);
  });

  it('a log latency axis when asked', () => {
    const data = spectrumChartData([{ key: 'b', points: b }], true);
    expect(data.yDomain).toEqual([0.1, 1000]);
    expect(data.yTicks).toEqual([0.1, 1, 10, 100, 1000]);
  });

  it('no lines: an axis to 90% and nothing to draw', () => {
    const data = spectrumChartData([], false);
    expect(data.rows).toEqual([]);
    expect(data.xTicks.at(-1)?.label).toBe('90%');
  });

  it.each([
    [2, '50%'],
    [10, '90%'],
    [100, '99%'],
    [1000, '99.9%'],
    [inverseTail(99.99), '99.99%'],
    [inverseTail(77.5), '77.5%'],
  ])('percentileText(%d) = %s', (x, text) => {
    expect(percentileText(x)).toBe(text);
  });
});

describe('preferLogLatency', () => {
  it('log when the tail is more than 50× the median of any line', () => {
    expect(preferLogLatency([{ key: 'a', points: [point(50, 1000), point(99.9, 40_000)] }])).toBe(false);
    expect(preferLogLatency([{ key: 'a', points: [point(50, 1000), point(99.9, 60_000)] }])).toBe(true);
    expect(preferLogLatency([{ key: 'a', points: [point(50, 1000)] }, { key: 'b', points: [point(50, 10), point(90, 900)] }])).toBe(true);
    expect(preferLogLatency([])).toBe(false);
  });
});

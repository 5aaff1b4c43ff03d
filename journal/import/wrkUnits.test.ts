import { describe, expect, it } from 'vitest';
import { formatBytes, formatMetric, formatTimeUs } from '../../common/format.ts';
import { isNotANumber, parseBytes, parseMetric, parsePercent, parseTimeUs } from './wrkUnits.ts';

describe('wrk units, read back', () => {
  it.each([
    ['635.91us', 635.91],
    ['0.89ms', 890],
    ['1.20s', 1_200_000],
    ['2.00m', 120_000_000],
    ['1h', 3_600_000_000],
    ['30s', 30_000_000],
    ['-0.00us', -0],
  ])('time %s → %d µs', (text, us) => {
    expect(parseTimeUs(text)).toBeCloseTo(us, 6);
  });

  it.each([
    ['85.97', 85.97],
    ['3.67k', 3670],
    ['1.20M', 1_200_000],
    ['748868.53', 748868.53],
  ])('count %s → %d', (text, value) => {
    expect(parseMetric(text)).toBeCloseTo(value, 6);
  });

  it.each([
    ['3.26MB', 3.26 * 1024 ** 2],
    ['110.61KB', 110.61 * 1024],
    ['17.76GB', 17.76 * 1024 ** 3],
    ['0.00B', 0],
  ])('bytes %s, 1024-based', (text, bytes) => {
    expect(parseBytes(text)).toBeCloseTo(bytes, 3);
  });

  it('reads percentages', () => {
    expect(parsePercent('93.69%')).toBe(93.69);
    expect(parsePercent('93.69')).toBeNull();
  });

  it('inverts what Loadlab prints to within the printed rounding', () => {
    for (const us of [1, 559.72, 850, 1065, 4120, 1_200_000, 150_000_000]) {
      const back = parseTimeUs(formatTimeUs(us)) ?? Number.NaN;
      expect(Math.abs(back - us) / us).toBeLessThan(0.006);
    }
    for (const bytes of [1000, 3_418_357, 19_000_000_000]) {
      const back = parseBytes(formatBytes(bytes)) ?? Number.NaN;
      expect(Math.abs(back - bytes) / bytes).toBeLessThan(0.006);
    }
    expect(parseMetric(formatMetric(3670))).toBe(3670);
  });

  it('tells -nan, nan and inf apart from text it cannot read', () => {
    for (const text of ['-nan', 'nan', '-nanus', '-nan%', 'inf', '-infms']) expect(isNotANumber(text)).toBe(true);
    for (const text of ['1531867', 'abc', '']) expect(isNotANumber(text)).toBe(false);
    expect(parseTimeUs('1531867')).toBeNull();
    expect(parseTimeUs('12 ms')).toBeNull();
    expect(parseBytes('12MiB')).toBeNull();
  });
});

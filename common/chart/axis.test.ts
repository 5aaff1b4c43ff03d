import { describe, expect, it } from 'vitest';
import { formatLatencyUs, formatSignificant, inverseTailTicks, latencyUnit, linearTicks, niceStep } from './axis.ts';

describe('linear ticks', () => {
  it.each([
    // [min, max, count, expected values]
    [0, 10, 5, [0, 2, 4, 6, 8, 10]],
    [0, 9.3, 5, [0, 2, 4, 6, 8, 10]],
    [0, 1234, 5, [0, 250, 500, 750, 1000, 1250]],
    [0, 0.3, 3, [0, 0.1, 0.2, 0.3]],
    [0, 0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [5, 5, 5, [5, 5.2, 5.4, 5.6, 5.8, 6]],
  ])('%d … %d in about %d steps', (min, max, count, expected) => {
    expect(linearTicks(min, max, count).map((tick) => tick.value)).toEqual(expected);
  });

  it('labels without float noise', () => {
    expect(linearTicks(0, 0.3, 3).map((tick) => tick.label)).toEqual(['0', '0.1', '0.2', '0.3']);
  });

  it('niceStep survives a zero or non-finite span', () => {
    expect(niceStep(0, 5)).toBe(1);
    expect(niceStep(Number.NaN, 5)).toBe(1);
  });
});

describe('inverse-tail (percentile) ticks', () => {
  it('always labels 0%, 50% and 90%', () => {
    expect(inverseTailTicks(3)).toEqual([
      { value: 1, label: '0%' },
      { value: 2, label: '50%' },
      { value: 10, label: '90%' },
    ]);
  });

  it('adds a decade of nines for each decade the axis reaches, and no more', () => {
    expect(inverseTailTicks(240).map((tick) => tick.label)).toEqual(['0%', '50%', '90%', '99%']);
    expect(inverseTailTicks(1000).map((tick) => tick.label)).toEqual(['0%', '50%', '90%', '99%', '99.9%']);
    expect(inverseTailTicks(120_000).map((tick) => tick.label)).toEqual(['0%', '50%', '90%', '99%', '99.9%', '99.99%', '99.999%']);
    expect(inverseTailTicks(120_000).at(-1)?.value).toBe(100_000);
  });
});

describe('latency units', () => {
  it.each([
    [0, 'µs'],
    [999, 'µs'],
    [1000, 'ms'],
    [999_999, 'ms'],
    [1_000_000, 's'],
  ])('%d µs → %s', (us, label) => {
    expect(latencyUnit(us).label).toBe(label);
  });

  it.each([
    [0, '0 µs'],
    [850, '850 µs'],
    [5800, '5.80 ms'],
    [1_200_000, '1.20 s'],
    [1234, '1.23 ms'],
    [12_400_000, '12.4 s'],
    [1_500_000_000, '1500 s'],
  ])('formatLatencyUs(%d) = %s', (us, text) => {
    expect(formatLatencyUs(us)).toBe(text);
  });

  it('formatSignificant', () => {
    expect(formatSignificant(1.2345)).toBe('1.23');
    expect(formatSignificant(0.000123456)).toBe('0.000123');
    expect(formatSignificant(4000)).toBe('4000');
  });
});

import { describe, expect, it } from 'vitest';
import { logLatencyAxis, logTicks } from './logAxis.ts';

describe('logLatencyAxis', () => {
  it('µs to ms: the unit of the largest value, whole decades around the data', () => {
    const axis = logLatencyAxis([850, 1200, 45_000, null]);
    expect(axis.unit.label).toBe('ms');
    expect(axis.domain).toEqual([0.1, 100]);
    expect(axis.ticks).toEqual([0.1, 1, 10, 100]);
  });

  it('a narrow range gets 1-2-5 ticks', () => {
    const axis = logLatencyAxis([1500, 3000]);
    expect(axis.domain).toEqual([1, 10]);
    expect(axis.ticks).toEqual([1, 2, 5, 10]);
  });

  it('an exact decade is its own top', () => {
    expect(logLatencyAxis([100, 1000]).domain).toEqual([0.1, 1]);
  });

  it('no data: a default axis; zero and negative values are ignored', () => {
    expect(logLatencyAxis([]).domain).toEqual([0.1, 10]);
    expect(logLatencyAxis([0, -5, null, 2_000_000]).unit.label).toBe('s');
  });

  it('one value: one decade', () => {
    const axis = logLatencyAxis([5000]);
    expect(axis.domain).toEqual([1, 10]);
  });

  it('logTicks', () => {
    expect(logTicks(1, 1000)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(0.01, 1)).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
  });
});

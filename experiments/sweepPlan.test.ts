import { describe, expect, it } from 'vitest';
import { bisectRate, geometricRates, listedRates } from './sweepPlan.ts';

describe('geometricRates', () => {
  it('steps by a constant factor from from to to', () => {
    expect(geometricRates(500, 50_000, 5)).toEqual([500, 1581, 5000, 15_811, 50_000]);
    expect(geometricRates(100, 800, 4)).toEqual([100, 200, 400, 800]);
  });

  it('drops rates that round to the same whole number', () => {
    expect(geometricRates(1, 3, 6)).toEqual([1, 2, 3]);
  });

  it('refuses a range that is not increasing or too few steps', () => {
    expect(() => geometricRates(100, 100, 3)).toThrow(/0 < from < to/);
    expect(() => geometricRates(0, 100, 3)).toThrow(/0 < from < to/);
    expect(() => geometricRates(1, 100, 1)).toThrow(/at least 2 steps/);
  });
});

describe('listedRates', () => {
  it('keeps an increasing list', () => {
    expect(listedRates([100, 200, 400, 800])).toEqual([100, 200, 400, 800]);
  });

  it('names the rate that is out of order or not positive', () => {
    expect(() => listedRates([100, 50])).toThrow('rates must increase: 100 then 50');
    expect(() => listedRates([100, -1])).toThrow('rate 2 (-1) is not a positive number');
    expect(() => listedRates([])).toThrow(/at least one rate/);
  });
});

describe('bisectRate', () => {
  it('halves the gap between good and bad', () => {
    expect(bisectRate(1000, 2000)).toBe(1500);
    expect(bisectRate(1000, 1003)).toBe(1002);
  });

  it('stops when there is no whole rate between', () => {
    expect(bisectRate(1000, 1001)).toBeNull();
  });
});

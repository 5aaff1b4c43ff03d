import { describe, expect, it } from 'vitest';
import { formatBytes, formatDurationS, formatFixed, formatMetric, formatTimeUs } from './format.ts';

// Every expectation below is what wrk's C code prints for the same input on x86-64 Linux
// (checked against a C program using long double and glibc's printf).

describe('formatTimeUs', () => {
  it.each([
    // Figures from the seed's wrk2 reports.
    [1102, '1.10ms'],
    [559.72, '559.72us'],
    [4120, '4.12ms'],
    [50_190, '50.19ms'],
    [992_770, '992.77ms'],
    [1_200_000, '1.20s'],
    // Zero and below one microsecond.
    [0, '0.00us'],
    [0.4, '0.40us'],
    [0.004, '0.00us'],
    [0.006, '0.01us'],
    // The unit steps up at 85% of the next one.
    [849.99, '849.99us'],
    [850, '0.85ms'],
    [1000, '1.00ms'],
    // Seconds start at 1 s exactly, so just under it milliseconds overflow their usual width.
    [999_999, '1000.00ms'],
    [1_000_000, '1.00s'],
    [50_990_000, '50.99s'],
    [51_000_000, '0.85m'],
    [60_000_000, '1.00m'],
    // Minutes are the last unit wrk reaches: hours never print.
    [3_600_000_000, '60.00m'],
    [10_800_000_000, '180.00m'],
    // long double division: a double would print 1.06ms, 1.10ms and 1.14ms here.
    [1065, '1.07ms'],
    [1105, '1.11ms'],
    [1135, '1.13ms'],
    // printf's ties go to even on the exact binary value.
    [0.125, '0.12us'],
    [0.375, '0.38us'],
  ])('%s µs prints %s', (us, expected) => {
    expect(formatTimeUs(us)).toBe(expected);
  });

  it('keeps the sign of negative values, which never step up', () => {
    expect(formatTimeUs(-5000)).toBe('-5000.00us');
    expect(formatTimeUs(-0.001)).toBe('-0.00us');
  });
});

describe('formatDurationS', () => {
  it.each([
    [10, '10s'],
    [30, '30s'],
    [0, '0s'],
    [50, '50s'],
    [51, '1m'],
    [60, '1m'],
    // "%.0f" rounds 1.5 and 2.5 minutes to the even 2.
    [90, '2m'],
    [150, '2m'],
    [3600, '60m'],
    [86_400, '1440m'],
    [0.5, '0s'],
  ])('%s s prints %s', (seconds, expected) => {
    expect(formatDurationS(seconds)).toBe(expected);
  });
});

describe('formatBytes', () => {
  it.each([
    // Seed figures: 3.26MB read, 110.61KB/s, 565.58KB read, 18.75KB/s.
    [3_418_000, '3.26MB'],
    [113_265, '110.61KB'],
    [579_154, '565.58KB'],
    [19_200, '18.75KB'],
    [0, '0.00B'],
    [870, '870.00B'],
    // The threshold is 1024 * 0.85 = 870.4 (as a double, a hair below).
    [870.4, '0.85KB'],
    [1024, '1.00KB'],
    [5 * 1024 ** 3, '5.00GB'],
    [1024 ** 4, '1.00TB'],
    // Terabytes are the last unit wrk reaches.
    [2 * 1024 ** 5, '2048.00TB'],
    [Number.MAX_SAFE_INTEGER, '8192.00TB'],
  ])('%s bytes prints %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatMetric', () => {
  it.each([
    [85.97, '85.97'],
    [230.62, '230.62'],
    [3670, '3.67k'],
    [211, '211.00'],
    [0, '0.00'],
    [849, '849.00'],
    [849.999, '850.00'],
    [850, '0.85k'],
    [999_999, '1.00M'],
    [1_200_000, '1.20M'],
    [3e12, '3.00T'],
    [3e15, '3000.00T'],
  ])('%s prints %s', (n, expected) => {
    expect(formatMetric(n)).toBe(expected);
  });
});

describe('formatFixed', () => {
  it.each([
    [993.57, 2, '993.57'],
    [69.86, 2, '69.86'],
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.675, 2, '2.67'],
    [1.005, 2, '1.00'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [-0.001, 2, '-0.00'],
    [-0, 2, '-0.00'],
    [0.9859375, 6, '0.985938'],
    [0.1, 20, '0.10000000000000000555'],
    [1e21, 2, '1000000000000000000000.00'],
    [Infinity, 2, 'inf'],
    [-Infinity, 2, '-inf'],
    [Number.NaN, 3, 'nan'],
  ])('%s with %i digits prints %s', (value, digits, expected) => {
    expect(formatFixed(value, digits)).toBe(expected);
  });
});

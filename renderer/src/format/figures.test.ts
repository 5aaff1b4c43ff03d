import { describe, expect, it } from 'vitest';
import { bytes, count, dateTime, duration, latency, percent, rate, UNKNOWN, yesNo } from './figures.ts';

describe('figures', () => {
  it('null is "unknown", never 0', () => {
    for (const format of [latency, rate, count, bytes, duration, percent, dateTime, yesNo]) expect(format(null)).toBe(UNKNOWN);
    expect(latency(0)).not.toBe(UNKNOWN);
  });

  it.each([
    [rate(993.57), '994'],
    [rate(12_345.6), '12,346'],
    [rate(9.87), '9.9'],
    [count(29_974), '29,974'],
    [bytes(512), '512 B'],
    [bytes(3_418_000), '3.26 MiB'],
    // A rate in bytes per second is not whole (issue 11: "622.0006542406229 B/s").
    [bytes(622.0006542406229), '622 B'],
    [bytes(2.25), '2.3 B'],
    [duration(850), '850 ms'],
    [duration(30_170), '30.2 s'],
    [duration(1500), '1.5 s'],
    [duration(125_000), '2 min 5 s'],
    [duration(3_720_000), '1 h 2 min'],
    [percent(0.97), '97%'],
    [percent(0.012), '1.2%'],
    [percent(0.9996), '99.96%'],
    [percent(0.999999), '99.99%'],
    [percent(1), '100%'],
    [yesNo(false), 'no'],
  ])('%s = %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('a date without a time stays a date', () => {
    expect(dateTime('2024-10-14T00:00:00.000Z')).toBe('2024-10-14');
    expect(dateTime('2024-10-14')).toBe('2024-10-14');
    expect(dateTime('2026-11-27T12:00:05.123Z')).toMatch(/^2026-11-2\d \d\d:\d\d:05$/);
  });

  it('a latency carries its unit', () => {
    expect(latency(1100)).toMatch(/^1\.10? ms$/);
  });
});

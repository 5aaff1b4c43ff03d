import { describe, expect, it } from 'vitest';
import { lastTime, liveAxisLengthS, timeAxis } from './timeAxis.ts';

describe('timeAxis', () => {
  it('round ticks from 0 past the run length', () => {
    expect(timeAxis(3, 3.012)).toEqual({ domain: [0, 4], ticks: [0, 1, 2, 3, 4] });
    expect(timeAxis(30, 12)).toEqual({ domain: [0, 30], ticks: [0, 5, 10, 15, 20, 25, 30] });
    expect(timeAxis(3600, 3600).ticks).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
  });

  it('unknown length: up to the last sample; nothing yet: one second', () => {
    expect(timeAxis(null, 7).domain).toEqual([0, 8]);
    expect(timeAxis(null, 0).domain).toEqual([0, 1]);
  });

  it('live: the axis follows the data, not the plan (a 1 h run stopped at 3 s spans 10 s)', () => {
    expect(timeAxis(liveAxisLengthS(3600, 3), 3).domain).toEqual([0, 10]);
    expect(timeAxis(liveAxisLengthS(3600, 95), 95).domain).toEqual([0, 100]);
    expect(liveAxisLengthS(2, 0.5)).toBe(2);
    expect(liveAxisLengthS(null, 0)).toBe(10);
  });

  it('lastTime', () => {
    expect(lastTime([{ tS: 1 }, { tS: 4 }], [], [{ tS: 2 }])).toBe(4);
    expect(lastTime()).toBe(0);
  });
});

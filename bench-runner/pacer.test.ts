import { describe, expect, it } from 'vitest';
import { connectionSchedule, dueCountAt, intendedCountBy, intendedStartUs, pace } from './pacer.ts';

describe('connectionSchedule', () => {
  it.each([
    // [rate, connections, index, expected interval µs, expected phase µs]
    [1000, 1, 0, 1000, 0], // one connection carries the whole rate
    [1000, 10, 0, 10_000, 0], // 10 connections: each every 10 ms
    [1000, 10, 3, 10_000, 3000], // staggered by 1 ms so the stream stays even
    [3, 2, 1, 666_666.666_666_666_6, 333_333.333_333_333_3], // non-integer spacing kept exact
  ])('rate %d over %d connections, #%d', (rate, connections, index, intervalUs, phaseUs) => {
    const schedule = connectionSchedule(rate, connections, index, 10e6);
    expect(schedule.intervalUs).toBeCloseTo(intervalUs, 6);
    expect(schedule.phaseUs).toBeCloseTo(phaseUs, 6);
  });

  it.each([
    ['zero rate', 0, 1, 0, 1e6],
    ['negative rate', -5, 1, 0, 1e6],
    ['infinite rate', Infinity, 1, 0, 1e6],
    ['NaN rate', Number.NaN, 1, 0, 1e6],
    ['no connections', 10, 0, 0, 1e6],
    ['fractional connections', 10, 1.5, 0, 1e6],
    ['index past the end', 10, 2, 2, 1e6],
    ['negative index', 10, 2, -1, 1e6],
    ['zero duration', 10, 1, 0, 0],
  ])('rejects %s', (_name, rate, connections, index, durationUs) => {
    expect(() => connectionSchedule(rate, connections, index, durationUs)).toThrow(RangeError);
  });
});

describe('pace', () => {
  // 100 req/s on 2 connections: each every 20 ms; connection 1 starts 10 ms in. Run of 100 ms.
  const second = connectionSchedule(100, 2, 1, 100_000);

  it.each([
    // [elapsed µs, sent, expected decision]
    [0, 0, { kind: 'wait', waitUs: 10_000 }], // before the first slot
    [9_999, 0, { kind: 'wait', waitUs: 1 }], // one µs early still waits
    [10_000, 0, { kind: 'send', intendedUs: 10_000 }], // exactly on time
    [10_500, 1, { kind: 'wait', waitUs: 19_500 }], // after a send, wait for the next slot
    [75_000, 1, { kind: 'send', intendedUs: 30_000 }], // far behind: send now, latency counts from 30 ms
    [75_000, 2, { kind: 'send', intendedUs: 50_000 }], // still behind: catch up without sleeping
    [75_000, 4, { kind: 'wait', waitUs: 15_000 }], // caught up with the schedule
    [95_000, 4, { kind: 'send', intendedUs: 90_000 }], // last slot inside the run
    [95_000, 5, { kind: 'stop' }], // 110 ms is past the 100 ms run
    [500_000, 3, { kind: 'send', intendedUs: 70_000 }], // after the end, what was intended inside it still goes
  ])('at %d µs with %d sent', (elapsedUs, sent, expected) => {
    expect(pace(second, elapsedUs, sent)).toEqual(expected);
  });

  it('stops at a slot exactly at the end of the run', () => {
    const schedule = connectionSchedule(10, 1, 0, 200_000); // slots at 0 and 100 ms; 200 ms is the end
    expect(pace(schedule, 0, 2)).toEqual({ kind: 'stop' });
  });

  it('spreads all connections into one even stream of the total rate', () => {
    const connections = 4;
    const schedules = Array.from({ length: connections }, (_, i) => connectionSchedule(400, connections, i, 1e6));
    const starts = schedules.flatMap((s) => Array.from({ length: 100 }, (_, k) => intendedStartUs(s, k)));
    const inRun = starts.filter((t) => t < 1e6).sort((a, b) => a - b);
    expect(inRun).toHaveLength(400);
    const gaps = inRun.slice(1).map((t, i) => t - (inRun[i] ?? 0));
    for (const gapUs of gaps) expect(gapUs).toBeCloseTo(2500, 6);
  });
});

describe('intendedCountBy', () => {
  const schedule = connectionSchedule(100, 2, 1, 100_000); // slots at 10, 30, 50, 70, 90 ms
  it.each([
    [0, 0],
    [10_000, 0], // the slot at 10 ms is not before 10 ms
    [10_001, 1],
    [50_000, 2],
    [1_000_000, 5], // capped at the run's end
  ])('by %d µs: %d', (elapsedUs, expected) => {
    expect(intendedCountBy(schedule, elapsedUs)).toBe(expected);
  });
});

describe('dueCountAt', () => {
  const schedule = connectionSchedule(100, 2, 1, 100_000); // slots at 10, 30, 50, 70, 90 ms
  it.each([
    [0, 0],
    [9_999, 0],
    [10_000, 1], // due at its intended time, as pace() sends it
    [30_000, 2],
    [89_999, 4],
    [1_000_000, 5], // capped at the run's end
  ])('at %d µs: %d', (elapsedUs, expected) => {
    expect(dueCountAt(schedule, elapsedUs)).toBe(expected);
  });

  it('agrees with pace() on every slot boundary', () => {
    for (let sent = 0; sent <= 5; sent++) {
      const atUs = 10_000 + sent * 20_000;
      const due = dueCountAt(schedule, atUs);
      expect(pace(schedule, atUs, due).kind).not.toBe('send');
      if (due > 0) expect(pace(schedule, atUs, due - 1).kind).toBe('send');
    }
  });
});

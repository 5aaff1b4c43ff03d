// The union of the shards' schedules is exactly the schedule one generator would follow.
import { describe, expect, it } from 'vitest';
import { connectionSchedule, intendedStartUs, pace } from './pacer.ts';
import { parseShard, parseStartAt, scheduleStart, shardConnections, shardOffsets, type Shard } from './shard.ts';

/** Every intended send of connections [first, first + count) of a run, µs, sorted. */
function intendedSends(ratePerSec: number, totalConnections: number, first: number, count: number, durationUs: number): number[] {
  const sends: number[] = [];
  for (let i = first; i < first + count; i++) {
    const schedule = connectionSchedule(ratePerSec, totalConnections, i, durationUs);
    for (let k = 0; pace(schedule, Number.POSITIVE_INFINITY, k).kind === 'send'; k++) sends.push(intendedStartUs(schedule, k));
  }
  return sends.sort((a, b) => a - b);
}

describe('parseShard', () => {
  it.each([
    ['0/3', { index: 0, count: 3 }],
    ['2/3', { index: 2, count: 3 }],
    [' 1 / 5 ', { index: 1, count: 5 }],
    ['0/1', { index: 0, count: 1 }],
  ])('reads %s (0-based, as JOB_COMPLETION_INDEX)', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each([
    ['3/3', /I is 0-based and must be below N \(0 to 2\), got 3/],
    ['4/3', /below N \(0 to 2\), got 4/],
    ['0/0', /N must be from 1 to 1000/],
    ['0/1001', /N must be from 1 to 1000/],
    ['-1/3', /expects I\/N/],
    ['half', /expects I\/N/],
    ['1/3/4', /expects I\/N/],
  ])('refuses %s', (text, message) => {
    expect(parseShard(text)).toMatch(message);
  });
});

describe('parseStartAt', () => {
  const nowMs = Date.parse('2026-12-07T01:00:00Z');
  it.each([
    ['2026-12-07T01:00:30Z', nowMs + 30_000],
    ['2026-12-07T02:00:30+01:00', nowMs + 30_000],
    ['2026-12-07T01:00:30.250Z', nowMs + 30_250],
    [String(nowMs + 10_000), nowMs + 10_000],
    // A few seconds late is accepted: the shard starts at once and records its lateness.
    ['2026-12-07T00:59:57Z', nowMs - 3000],
  ])('reads %s', (text, atMs) => {
    expect(parseStartAt(text, nowMs)).toBe(atMs);
  });

  it.each([
    ['2026-12-07T00:59:00Z', /60\.0 s in the past/],
    ['2026-12-07T01:00:30', /ISO 8601 time with a zone/],
    ['tomorrow', /ISO 8601/],
    ['2026-12-08T01:00:30Z', /more than 6 h ahead/],
    ['2026-13-45T01:00:30Z', /not a valid time/],
  ])('refuses %s', (text, message) => {
    expect(parseStartAt(text, nowMs)).toMatch(message);
  });
});

describe('scheduleStart', () => {
  it('waits for the start instant when ready before it', () => {
    expect(scheduleStart(1000, 5000)).toEqual({ startEpochMs: 5000, latenessMs: 0 });
  });
  it('starts when ready, and says how late, when the instant has passed', () => {
    expect(scheduleStart(5040, 5000)).toEqual({ startEpochMs: 5040, latenessMs: 40 });
  });
  it('has no lateness without a start instant', () => {
    expect(scheduleStart(5040, null)).toEqual({ startEpochMs: 5040, latenessMs: null });
  });
});

describe('shardConnections', () => {
  it.each([
    [10, 3],
    [400, 3],
    [7, 7],
    [12, 5],
  ])('%d connections over %d shards: every index exactly once, sizes within one', (total, count) => {
    const ranges = Array.from({ length: count }, (_, index) => shardConnections(total, { index, count }));
    const indices = ranges.flatMap(({ first, count: size }) => Array.from({ length: size }, (_, k) => first + k));
    expect(indices).toEqual(Array.from({ length: total }, (_, k) => k));
    const sizes = ranges.map((range) => range.count);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('refuses more shards than connections', () => {
    expect(() => shardConnections(2, { index: 0, count: 3 })).toThrow(/3 shards need at least 3 connections/);
  });

  it.each([
    // [rate, connections, shards, duration µs]
    [1000, 400, 3, 2e6],
    [1, 3, 3, 10e6],
    [333, 7, 2, 3e6],
  ])('rate %d over %d connections in %d shards: the union of schedules is the single schedule', (rate, connections, count, durationUs) => {
    const whole = intendedSends(rate, connections, 0, connections, durationUs);
    const union = Array.from({ length: count }, (_, index) => {
      const { first, count: size } = shardConnections(connections, { index, count } satisfies Shard);
      return intendedSends(rate, connections, first, size, durationUs);
    })
      .flat()
      .sort((a, b) => a - b);
    expect(union).toEqual(whole);
    expect(whole.length).toBeGreaterThan(0);
  });
});

describe('shardOffsets', () => {
  it('deals the connection schedule round-robin; the union is the schedule', () => {
    const offsets = Array.from({ length: 10 }, (_, j) => j * 5);
    const shards = [0, 1, 2].map((index) => shardOffsets(offsets, { index, count: 3 }));
    expect(shards[0]).toEqual([0, 15, 30, 45]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(offsets);
  });
});

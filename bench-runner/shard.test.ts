// The union of the shards' schedules is exactly the schedule one generator would follow.
import { describe, expect, it } from 'vitest';
import { connectionSchedule, intendedStartUs, pace } from './pacer.ts';
import { parseShard, shardConnections, shardOffsets, type Shard } from './shard.ts';

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
    ['1/3', { index: 0, count: 3 }],
    ['3/3', { index: 2, count: 3 }],
    [' 2 / 5 ', { index: 1, count: 5 }],
  ])('reads %s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each([
    ['0/3', /I must be from 1 to N \(3\), got 0/],
    ['4/3', /I must be from 1 to N \(3\), got 4/],
    ['1/0', /N must be from 1 to 1000/],
    ['half', /expects I\/N/],
  ])('refuses %s', (text, message) => {
    expect(parseShard(text)).toMatch(message);
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

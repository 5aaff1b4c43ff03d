// planRun with --shard: the shards' jobs together are the whole run's jobs, schedule for schedule.
import { describe, expect, it } from 'vitest';
import { benchConfigDefaults, benchConfigSchema, parseTargetUrl, type BenchConfig, type TargetAddress } from './config.ts';
import { planRun } from './jobs.ts';
import type { ConnRateJob, WorkerJob } from './messages.ts';
import { connectionSchedule, intendedStartUs, pace } from './pacer.ts';

const target = parseTargetUrl('http://127.0.0.1:8080/') as TargetAddress;
const request = Buffer.from('GET / HTTP/1.1\r\n\r\n');

function config(overrides: Partial<BenchConfig>): BenchConfig {
  return { ...benchConfigDefaults, url: 'http://127.0.0.1:8080/', ...overrides };
}

/** Every intended send of a plan's rate-mode jobs, µs from the run start, sorted. */
function intendedSends(jobs: ReadonlyArray<WorkerJob | ConnRateJob>): number[] {
  const sends: number[] = [];
  for (const job of jobs) {
    if (job.mode === 'conn-rate' || job.ratePerSec === null) throw new Error('rate-mode jobs expected');
    for (let i = 0; i < job.connections; i++) {
      const schedule = connectionSchedule(job.ratePerSec, job.totalConnections, job.firstConnectionIndex + i, job.durationMs * 1000);
      for (let k = 0; pace(schedule, Number.POSITIVE_INFINITY, k).kind === 'send'; k++) sends.push(intendedStartUs(schedule, k));
    }
  }
  return sends.sort((a, b) => a - b);
}

describe('planRun with a shard', () => {
  it.each([
    // [threads per shard, connections, rate, shards]
    [2, 400, 1000, 3],
    [1, 6, 600, 3],
    [3, 17, 333, 4],
  ])('%d threads, -c%d -R%d in %d shards: the union of their schedules is the single generator\'s', (threads, connections, ratePerSec, count) => {
    const whole = intendedSends(planRun(config({ threads: 1, connections, ratePerSec, durationMs: 2000 }), target, request).jobs);
    const union = Array.from({ length: count }, (_, index) => intendedSends(planRun(config({ threads, connections, ratePerSec, durationMs: 2000, shard: { index, count } }), target, request).jobs))
      .flat()
      .sort((a, b) => a - b);
    expect(whole.length).toBeGreaterThan(ratePerSec);
    expect(union).toEqual(whole);
  });

  it('max mode: the shards split the connections', () => {
    const counts = [0, 1, 2].map((index) =>
      planRun(config({ threads: 2, connections: 10, shard: { index, count: 3 } }), target, request).jobs.reduce((sum, job) => sum + (job.mode === 'conn-rate' ? 0 : job.connections), 0),
    );
    expect(counts).toEqual([4, 3, 3]);
  });

  it('connection-rate mode: the shards deal the connection schedule; together it is the whole', () => {
    const connRate = { numConns: 10, numCalls: 1, spacing: { kind: 'fixed' as const, ratePerSec: 100 } };
    const offsets = (shard: BenchConfig['shard']): number[] =>
      planRun(config({ threads: 1, connRate, shard }), target, request).jobs.flatMap((job) => (job.mode === 'conn-rate' ? Array.from(job.offsetsMs) : []));
    const union = [0, 1, 2].flatMap((index) => offsets({ index, count: 3 })).sort((a, b) => a - b);
    expect(union).toEqual(offsets(null));
    expect(offsets({ index: 1, count: 3 })).toEqual([10, 40, 70]);
  });
});

describe('a shard config is refused when', () => {
  it.each([
    [{ shard: { index: 3, count: 3 } }, /shard index 3 must be below the shard count 3/],
    [{ connections: 2, threads: 1, shard: { index: 0, count: 3 } }, /3 shards need at least 3 connections \(-c\), got 2/],
    [{ connections: 7, threads: 3, shard: { index: 2, count: 3 } }, /shard 2\/3 gets 2 of the 7 connections \(-c\), fewer than its threads \(3\)/],
    [
      { threads: 1, connRate: { numConns: 10, numCalls: 1, spacing: { kind: 'exponential' as const, meanMs: 10 } }, shard: { index: 0, count: 2 } },
      /shards of a random connection spacing/,
    ],
  ])('%o', (overrides, message) => {
    const parsed = benchConfigSchema.safeParse(config(overrides));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join('\n')).toMatch(message);
  });

  it('accepts a shard with as many connections as threads', () => {
    expect(benchConfigSchema.safeParse(config({ threads: 2, connections: 6, shard: { index: 2, count: 3 } })).success).toBe(true);
  });
});

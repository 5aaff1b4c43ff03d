// Series of shards on one wall-clock axis: counts summed per interval, percentiles only when one shard answered.
import { describe, expect, it } from 'vitest';
import { mergeSeries, type SeriesPointOf } from './shardSeries.ts';

const kinds = (timeout: number) => ({ connect: 0, read: 0, write: 0, timeout, status: 0 });
const point = (tMs: number, requests: number, latency: boolean, timeouts = 0): SeriesPointOf => ({
  tMs,
  requests,
  errors: timeouts,
  errorsByKind: kinds(timeouts),
  bytes: requests * 10,
  latencyUs: latency ? { p50: tMs, p90: tMs + 1, p99: tMs + 2, max: tMs + 3 } : null,
});

describe('mergeSeries', () => {
  it('puts each point in the interval nearest its wall-clock end and sums it', () => {
    const merged = mergeSeries(
      [
        { zeroEpochMs: 10_000, points: [point(1000, 5, true, 1), point(2000, 5, false)] },
        // 400 ms late: its first interval ends at 1400 ms on the common axis, nearer 1000 than 2000.
        { zeroEpochMs: 10_400, points: [point(1000, 7, false, 2), point(2000, 7, true)] },
      ],
      10_000,
      1000,
    );
    expect(merged.map((entry) => [entry.tMs, entry.requests, entry.errors, entry.bytes])).toEqual([
      [1000, 12, 3, 120],
      [2000, 12, 0, 120],
    ]);
    expect(merged[0]?.errorsByKind).toEqual(kinds(3));
    // One shard answered with a latency figure in each interval: kept as it is.
    expect(merged[0]?.latencyUs).toEqual({ p50: 1000, p90: 1001, p99: 1002, max: 1003 });
    expect(merged[1]?.latencyUs).toEqual({ p50: 2000, p90: 2001, p99: 2002, max: 2003 });
  });

  it('has no percentiles where several shards answered (they cannot be added), and no errorsByKind unless all had it', () => {
    const withoutKinds: SeriesPointOf = { tMs: 1000, requests: 1, errors: 0, bytes: 10, latencyUs: null };
    const merged = mergeSeries([{ zeroEpochMs: 0, points: [point(1000, 5, true)] }, { zeroEpochMs: 0, points: [point(1000, 5, true)] }, { zeroEpochMs: 0, points: [withoutKinds] }], 0, 1000);
    expect(merged).toEqual([{ tMs: 1000, requests: 11, errors: 0, bytes: 110, latencyUs: null }]);
  });

  it('keeps an unknown error count unknown', () => {
    const unknown: SeriesPointOf = { tMs: 1000, requests: 1, errors: null, bytes: 10, latencyUs: null };
    expect(mergeSeries([{ zeroEpochMs: 0, points: [point(1000, 1, false)] }, { zeroEpochMs: 0, points: [unknown] }], 0, 1000)[0]?.errors).toBeNull();
  });
});

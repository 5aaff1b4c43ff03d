import { describe, expect, it } from 'vitest';
import type { RunSampleEvent } from '../../../../common/labApi.ts';
import type { ErrorCounts } from '../../../../common/runRecord.ts';
import { sampleMeasuredRecord } from '../../../../common/testing/sampleRecords.ts';
import { errorRows, liveRows, progressOf, recordRows, shortfall } from './timeRows.ts';

const noErrors: ErrorCounts = { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };

function sample(tMs: number, requests: number, totalErrors: ErrorCounts = noErrors, target: number | null = 100): RunSampleEvent {
  return {
    runId: 'r',
    elapsedMs: tMs,
    durationMs: 10_000,
    point: { tMs, requests, errors: 0, bytes: 0, latencyUs: requests === 0 ? null : { p50: 1, p90: 2, p99: 3, max: 4 } },
    totalRequests: 0,
    totalErrors,
    targetRatePerSec: target,
    p99SoFarUs: null,
    histograms: null,
  };
}

describe('time rows', () => {
  it('live samples: seconds, rate per interval, the target, latency unknown without responses', () => {
    expect(liveRows([sample(1000, 90), sample(2000, 0)])).toEqual([
      { tS: 1, reqPerSec: 90, targetPerSec: 100, p50: 1, p90: 2, p99: 3, max: 4 },
      { tS: 2, reqPerSec: 0, targetPerSec: 100, p50: null, p90: null, p99: null, max: null },
    ]);
  });

  it('a record: the target only in rate mode', () => {
    const series = [sample(500, 10).point];
    const load = sampleMeasuredRecord.load;
    expect(recordRows({ series, load: { ...load, mode: 'rate', ratePerSec: 20 } })[0]?.targetPerSec).toBe(20);
    expect(recordRows({ series, load: { ...load, mode: 'max', ratePerSec: null } })[0]).toMatchObject({ tS: 0.5, reqPerSec: 20, targetPerSec: null });
  });

  it('errors by kind per interval from running totals', () => {
    const rows = errorRows([sample(1000, 1, { ...noErrors, read: 3 }), sample(2000, 1, { ...noErrors, read: 5, timeout: 1 })]);
    expect(rows).toEqual([
      { tS: 1, connect: 0, read: 3, write: 0, timeout: 0, status: 0, tls: 0 },
      { tS: 2, connect: 0, read: 2, write: 0, timeout: 1, status: 0, tls: 0 },
    ]);
  });
});

describe('shortfall', () => {
  it('none without a target or with one sample', () => {
    expect(shortfall([sample(1000, 10, noErrors, null), sample(2000, 10, noErrors, null)])).toBeNull();
    expect(shortfall([sample(1000, 10)])).toBeNull();
  });

  it('averages the last intervals, skipping the first (connections opening)', () => {
    const samples = [sample(1000, 0), sample(2000, 96), sample(3000, 97), sample(4000, 98)];
    expect(shortfall(samples)).toEqual({ achievedPerSec: 97, targetPerSec: 100, ratio: 0.97, short: false });
  });

  it('flags under 95% of the target', () => {
    const result = shortfall([sample(1000, 100), sample(2000, 90), sample(3000, 80)]);
    expect(result?.short).toBe(true);
    expect(result?.achievedPerSec).toBe(85);
  });

  it('counts a short last interval by its true length', () => {
    expect(shortfall([sample(1000, 100), sample(2000, 100), sample(2500, 50)])?.achievedPerSec).toBe(100);
  });
});

describe('progressOf', () => {
  it('the later of the lab’s elapsed time and the clock', () => {
    expect(progressOf([sample(1000, 1)], 10_000, 13_000, null)).toEqual({ elapsedMs: 3000, durationMs: 10_000, fraction: 0.3 });
    expect(progressOf([sample(4000, 1)], 10_000, 13_000, null).elapsedMs).toBe(4000);
  });

  it('capped at 1; unknown duration gives no fraction', () => {
    expect(progressOf([], 0, 50_000, 10_000).fraction).toBe(1);
    expect(progressOf([], null, 5, null)).toEqual({ elapsedMs: 0, durationMs: null, fraction: null });
  });
});

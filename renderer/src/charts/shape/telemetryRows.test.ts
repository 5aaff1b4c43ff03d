import { describe, expect, it } from 'vitest';
import type { ServerSeriesPoint } from '../../../../common/runRecord.ts';
import { serverSeriesRows, telemetryRows, type TelemetryLike } from './telemetryRows.ts';

function point(epochMs: number, changes: Partial<TelemetryLike> = {}): TelemetryLike {
  return {
    seq: 0,
    model: 'pool-shared',
    tMs: epochMs,
    epochMs,
    intervalMs: 500,
    connections: { open: 7, accepted: 1, acceptedTotal: 1, waiting: 0 },
    requests: { served: 50, servedTotal: 50, inFlight: 0, rejected: 0, statusCounts: {} },
    queues: { depth: 3, depths: [3] },
    queueWaitUs: { count: 1, mean: 1, p50: 1, p90: 1, p99: 40, max: 50 },
    serviceUs: { count: 1, mean: 1, p50: 1, p90: 1, p99: 900, max: 950 },
    handlers: { threads: 4, busy: 2, busyPeak: 4, threadsStarted: 0, threadsStartedTotal: 4, deaths: 0, deathsTotal: 0 },
    eventLoopDelayUs: { p50: 0, p99: 0, max: 0 },
    process: { cpuPct: 120, rssBytes: 1 },
    ...changes,
  };
}

describe('telemetry rows', () => {
  it('on the run’s time axis, rates per second, p99s', () => {
    expect(telemetryRows([point(11_000)], 10_000)).toEqual([
      { tS: 1, open: 7, queueDepth: 3, busy: 2, threads: 4, queueWaitP99: 40, serviceP99: 900, cpuPct: 120, servedPerSec: 100 },
    ]);
  });

  it('an interval with nothing recorded has unknown percentiles, not 0', () => {
    const [row] = telemetryRows([point(0, { queueWaitUs: null, serviceUs: null, intervalMs: 0 })], 0);
    expect(row).toMatchObject({ queueWaitP99: null, serviceP99: null, servedPerSec: null });
  });

  it("a record's serverSeries uses runTMs", () => {
    const saved: ServerSeriesPoint = { ...point(99_999), runTMs: 2500 };
    expect(serverSeriesRows([saved])[0]?.tS).toBe(2.5);
  });
});

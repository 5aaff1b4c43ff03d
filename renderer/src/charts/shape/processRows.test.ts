import { expect, test } from 'vitest';
import type { ProcessTelemetryPoint } from '../../../../common/processTelemetry.ts';
import type { AnyServerSeriesPoint } from '../../../../common/runRecord.ts';
import { processCharts, processRow } from './processRows.ts';

function point(runTMs: number, overrides: Partial<ProcessTelemetryPoint> = {}): ProcessTelemetryPoint {
  return {
    kind: 'process',
    runTMs,
    epochMs: 1_000_000 + runTMs,
    intervalMs: 1000,
    pids: [10],
    cpu: { userPct: 40, systemPct: 10, totalPct: 50 },
    rssBytes: 8 * 1024 * 1024,
    threads: 5,
    openFds: 20,
    contextSwitchesPerSec: { voluntary: 100, involuntary: 3 },
    tcpByState: { LISTEN: 1, ESTABLISHED: 4 },
    listeners: [
      { address: '127.0.0.1:8000', queued: 3, max: 128 },
      { address: '[::1]:8000', queued: 1, max: 128 },
    ],
    ...overrides,
  };
}

test('a point becomes seconds, CPU %, MiB, threads and the accept queue summed over listeners', () => {
  expect(processRow(point(2000))).toEqual({ tS: 2, cpuUserPct: 40, cpuSystemPct: 10, rssMiB: 8, threads: 5, acceptQueued: 4, acceptMax: 256 });
});

test('unknown stays unknown: no /proc figures, no listeners, a listener without its maximum', () => {
  const row = processRow(point(1000, { cpu: { userPct: null, systemPct: null, totalPct: 7 }, rssBytes: null, threads: null, listeners: null }));
  expect(row).toEqual({ tS: 1, cpuUserPct: null, cpuSystemPct: null, rssMiB: null, threads: null, acceptQueued: null, acceptMax: null });
  expect(processRow(point(1000, { listeners: [] })).acceptQueued).toBeNull();
  expect(processRow(point(1000, { listeners: [{ address: 'a', queued: 2, max: null }] }))).toMatchObject({ acceptQueued: 2, acceptMax: null });
});

test('built-in points are left out; states are the union without LISTEN; absent states count 0; a sample that did not read the table has no row', () => {
  const builtin = { tMs: 1 } as unknown as AnyServerSeriesPoint;
  const charts = processCharts([
    builtin,
    point(1000, { tcpByState: { LISTEN: 1, ESTABLISHED: 2 } }),
    point(2000, { tcpByState: { LISTEN: 1, TIME_WAIT: 5 } }),
    point(3000, { tcpByState: null }),
  ]);
  expect(charts.rows.map((row) => row.tS)).toEqual([1, 2, 3]);
  expect(charts.states).toEqual(['ESTABLISHED', 'TIME_WAIT']);
  expect(charts.stateRows).toEqual([
    { tS: 1, ESTABLISHED: 2, TIME_WAIT: 0 },
    { tS: 2, ESTABLISHED: 0, TIME_WAIT: 5 },
  ]);
});

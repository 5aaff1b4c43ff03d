import { describe, expect, it } from 'vitest';
import { pointBetween, type TreeReading } from './procStat.ts';

const units = { ticksPerSec: 100, pageBytes: 4096 };

function reading(epochMs: number, processes: Array<[number, number, number]>, switches: Array<[string, number, number]>): TreeReading {
  return {
    epochMs,
    processes: new Map(processes.map(([pid, user, system]) => [pid, { userTicks: user, systemTicks: system, rssBytes: 1000 * pid, threads: 2 }])),
    switches: new Map(switches.map(([tid, voluntary, involuntary]) => [tid, { voluntary, involuntary }])),
    openFds: 7,
    tcpByState: { LISTEN: 1, ESTABLISHED: 3 },
    listening: new Map([[42, { address: '127.0.0.1:8080', queued: 2 }]]),
  };
}

describe('pointBetween', () => {
  it('turns counters into per-interval figures over the whole tree', () => {
    const before = reading(10_000, [[1, 100, 50], [2, 10, 0]], [['1/1', 10, 1], ['2/2', 0, 0]]);
    const after = reading(12_000, [[1, 150, 70], [2, 60, 10], [3, 20, 0]], [['1/1', 30, 5], ['2/2', 100, 1], ['3/3', 10, 0]]);
    const point = pointBetween(before, after, units, 9_000, new Map([[42, 511]]));
    // Over 2 s: user (50 + 50 + 20) ticks = 1.2 s → 60 % of a core; system (20 + 10) = 0.3 s → 15 %.
    expect(point.cpu).toEqual({ userPct: 60, systemPct: 15, totalPct: 75 });
    expect(point.runTMs).toBe(3000);
    expect(point.intervalMs).toBe(2000);
    expect(point.pids).toEqual([1, 2, 3]);
    expect(point.rssBytes).toBe(6000);
    expect(point.threads).toBe(6);
    // (20 + 100 + 10) / 2 s and (4 + 1 + 0) / 2 s.
    expect(point.contextSwitchesPerSec).toEqual({ voluntary: 65, involuntary: 2.5 });
    expect(point.listeners).toEqual([{ address: '127.0.0.1:8080', queued: 2, max: 511 }]);
    expect(point.tcpByState).toEqual({ LISTEN: 1, ESTABLISHED: 3 });
  });

  it('an unknown backlog is null, not a guess', () => {
    const point = pointBetween(reading(0, [[1, 0, 0]], []), reading(1000, [[1, 0, 0]], []), units, 0, new Map());
    expect(point.listeners?.[0]?.max).toBeNull();
  });
});

// Rows for the time charts: one per interval, x in seconds since the run started, latency in µs.
// The same shape for a live run (its samples) and a saved one (its series), so one chart draws both.
import { seriesPoints } from '../../../../common/chart/series.ts';
import type { RunSampleEvent } from '../../../../common/labApi.ts';
import { emptyErrorCounts } from '../../../../common/errorCounts.ts';
import type { ErrorCounts, RunRecord } from '../../../../common/runRecord.ts';

export interface TimeRow extends Record<LatencyKey | 'reqPerSec' | 'targetPerSec', number | null> {
  /** End of the interval, s since the start. */
  tS: number;
}

export type LatencyKey = 'p50' | 'p90' | 'p99' | 'max';
export const latencyKeys: readonly LatencyKey[] = ['p50', 'p90', 'p99', 'max'];

export function timeRows(series: RunRecord['series'], targetPerSec: number | null): TimeRow[] {
  return seriesPoints({ series: [...series] }).map((point) => ({ tS: point.tMs / 1000, reqPerSec: point.reqPerSec, targetPerSec, p50: point.p50Us, p90: point.p90Us, p99: point.p99Us, max: point.maxUs }));
}

export function recordRows(record: Pick<RunRecord, 'series' | 'load'>): TimeRow[] {
  return timeRows(record.series, record.load.mode === 'rate' ? record.load.ratePerSec : null);
}

export function liveRows(samples: readonly RunSampleEvent[]): TimeRow[] {
  return timeRows(
    samples.map((sample) => sample.point),
    samples[0]?.targetRatePerSec ?? null,
  );
}

export type ErrorKind = keyof ErrorCounts;
export const errorKinds: readonly ErrorKind[] = ['connect', 'read', 'write', 'timeout', 'status', 'tls'];

export interface ErrorRow extends Record<ErrorKind, number> {
  tS: number;
}

/**
 * Errors by kind in each interval: the point's own counts (`errorsByKind`); for points without
 * them (older labs) the difference of the running totals the samples carry.
 */
export function errorRows(samples: readonly RunSampleEvent[]): ErrorRow[] {
  let previous: ErrorCounts = emptyErrorCounts();
  return samples.map((sample) => {
    const totals = sample.totalErrors;
    const own = sample.point.errorsByKind;
    const row: ErrorRow = { tS: sample.point.tMs / 1000, connect: 0, read: 0, write: 0, timeout: 0, status: 0, tls: 0 };
    // `tls` is absent from runs that met no TLS (common/runRecord.ts): 0.
    for (const kind of errorKinds) row[kind] = own ? (own[kind] ?? 0) : Math.max(0, (totals[kind] ?? 0) - (previous[kind] ?? 0));
    previous = totals;
    return row;
  });
}

export interface Shortfall {
  achievedPerSec: number;
  targetPerSec: number;
  /** achieved / target. */
  ratio: number;
  short: boolean;
}

/** Achieved below this share of the target is flagged. */
export const SHORTFALL_BELOW = 0.95;
/** Intervals the achieved rate is averaged over (the first interval, while connections open, is skipped). */
export const SHORTFALL_WINDOW = 3;

/** The achieved rate over the last few intervals against the target; null without a target or data. */
export function shortfall(samples: readonly RunSampleEvent[]): Shortfall | null {
  const target = samples[0]?.targetRatePerSec ?? null;
  if (target === null || samples.length < 2) return null;
  const window = samples.slice(Math.max(1, samples.length - SHORTFALL_WINDOW));
  const first = window[0];
  const last = window.at(-1);
  if (first === undefined || last === undefined) return null;
  const before = samples[samples.indexOf(first) - 1]?.point.tMs ?? 0;
  const seconds = (last.point.tMs - before) / 1000;
  if (!(seconds > 0)) return null;
  const achieved = window.reduce((sum, sample) => sum + sample.point.requests, 0) / seconds;
  const ratio = achieved / target;
  return { achievedPerSec: achieved, targetPerSec: target, ratio, short: ratio < SHORTFALL_BELOW };
}

/** How far the run is: the latest of the lab's elapsed time and the clock since it started. */
export function progressOf(samples: readonly RunSampleEvent[], startedAtMs: number | null, nowMs: number, plannedMs: number | null): { elapsedMs: number; durationMs: number | null; fraction: number | null } {
  const last = samples.at(-1);
  const durationMs = last?.durationMs ?? plannedMs;
  const byClock = startedAtMs === null ? 0 : nowMs - startedAtMs;
  const elapsedMs = Math.max(last?.elapsedMs ?? 0, byClock, 0);
  if (durationMs === null || !(durationMs > 0)) return { elapsedMs, durationMs, fraction: null };
  return { elapsedMs, durationMs, fraction: Math.min(1, elapsedMs / durationMs) };
}

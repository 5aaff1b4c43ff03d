// Rows for the server charts from telemetry (live) or a record's serverSeries (saved), on the
// run's time axis when there is one.
import type { ServerSeriesPoint } from '../../../../common/runRecord.ts';
import type { ServerTelemetrySample } from '../../../../common/serverTelemetry.ts';

export type TelemetryLike = Omit<ServerTelemetrySample, 'histograms'>;

export type TelemetryKey = 'open' | 'queueDepth' | 'busy' | 'threads' | 'queueWaitP99' | 'serviceP99' | 'cpuPct' | 'servedPerSec';

export interface TelemetryRow extends Record<TelemetryKey, number | null> {
  /** s since the origin (the run's start, or the window's first sample). */
  tS: number;
}

/** `originEpochMs`: the time that reads 0 (the run's start). */
export function telemetryRows(points: readonly TelemetryLike[], originEpochMs: number): TelemetryRow[] {
  return points.map((point) => row(point, (point.epochMs - originEpochMs) / 1000));
}

export function serverSeriesRows(points: readonly ServerSeriesPoint[]): TelemetryRow[] {
  return points.map((point) => row(point, point.runTMs / 1000));
}

function row(point: TelemetryLike, tS: number): TelemetryRow {
  return {
    tS,
    open: point.connections.open,
    queueDepth: point.queues.depth,
    busy: point.handlers.busy,
    threads: point.handlers.threads,
    // Percentiles of what happened in the interval; none recorded is unknown, not 0.
    queueWaitP99: point.queueWaitUs?.p99 ?? null,
    serviceP99: point.serviceUs?.p99 ?? null,
    cpuPct: point.process.cpuPct,
    servedPerSec: point.intervalMs > 0 ? (point.requests.served * 1000) / point.intervalMs : null,
  };
}

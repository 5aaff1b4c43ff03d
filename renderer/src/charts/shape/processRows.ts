// Rows for the process charts of a server Loadlab launched or watched (`kind: 'process'` points
// of serverSeries), on the run's time axis. Unknown figures stay null (a gap), never 0.
import type { AnyServerSeriesPoint } from '../../../../common/runRecord.ts';
import type { ProcessTelemetryPoint } from '../../../../common/processTelemetry.ts';

export type ProcessKey = 'cpuUserPct' | 'cpuSystemPct' | 'rssMiB' | 'threads' | 'acceptQueued' | 'acceptMax';

export interface ProcessRow extends Record<ProcessKey, number | null> {
  /** s since the run started. */
  tS: number;
}

/** Connection counts by TCP state per row; `tS` plus one key per state (`ESTABLISHED`, …). */
export type ConnectionStateRow = Record<string, number | null> & { tS: number };

export interface ProcessCharts {
  rows: ProcessRow[];
  /** The TCP states seen in any point except LISTEN (the listening sockets are the accept queue's). */
  states: string[];
  stateRows: ConnectionStateRow[];
}

const BYTES_PER_MIB = 1024 * 1024;

export function processPoints(points: readonly AnyServerSeriesPoint[]): ProcessTelemetryPoint[] {
  return points.filter((point): point is ProcessTelemetryPoint => 'kind' in point && point.kind === 'process');
}

export function processRow(point: ProcessTelemetryPoint): ProcessRow {
  const listeners = point.listeners;
  const maxes = listeners?.map((listener) => listener.max) ?? null;
  return {
    tS: point.runTMs / 1000,
    cpuUserPct: point.cpu.userPct,
    cpuSystemPct: point.cpu.systemPct,
    rssMiB: point.rssBytes === null ? null : point.rssBytes / BYTES_PER_MIB,
    threads: point.threads,
    // Summed over the listening sockets; no listener known yet reads unknown.
    acceptQueued: listeners === null || listeners.length === 0 ? null : listeners.reduce((sum, listener) => sum + listener.queued, 0),
    acceptMax: maxes === null || maxes.length === 0 || maxes.some((max) => max === null) ? null : maxes.reduce<number>((sum, max) => sum + (max ?? 0), 0),
  };
}

export function processCharts(points: readonly AnyServerSeriesPoint[]): ProcessCharts {
  const process = processPoints(points);
  const seen = new Set<string>();
  for (const point of process) for (const state of Object.keys(point.tcpByState ?? {})) if (state !== 'LISTEN') seen.add(state);
  const states = [...seen].sort();
  // Only the samples that read the socket table (each second, or less often when the table is
  // large: targets/processSampler.ts): the lines join them. A state absent from a table read had
  // no sockets (0).
  const stateRows = process.flatMap((point): ConnectionStateRow[] => {
    if (point.tcpByState === null) return [];
    const row: ConnectionStateRow = { tS: point.runTMs / 1000 };
    for (const state of states) row[state] = point.tcpByState[state] ?? 0;
    return [row];
  });
  return { rows: process.map(processRow), states, stateRows };
}

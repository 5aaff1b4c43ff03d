// The launched server's latest process sample as tiles: CPU, memory, threads, accept queue,
// connections. Unknown figures read "unknown", never 0.
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';
import * as figures from '../../../format/figures.ts';

export interface Tile {
  label: string;
  value: string;
  detail?: string;
  tone?: 'warn';
}

function pct(value: number | null): string {
  return value === null ? figures.UNKNOWN : `${Math.round(value)}%`;
}

/**
 * `lastStates`: the latest point whose connections by state were read, when `point`'s were not (the
 * sampler reads the socket table less often than once a second when it is large): shown with its
 * age, never as the figure of now.
 */
export function processTiles(point: ProcessTelemetryPoint, lastStates: ProcessTelemetryPoint | null = null): Tile[] {
  const { cpu, listeners } = point;
  const queued = listeners === null || listeners.length === 0 ? null : listeners.reduce((sum, listener) => sum + listener.queued, 0);
  const maxes = listeners?.map((listener) => listener.max) ?? [];
  const max = maxes.length === 0 || maxes.some((value) => value === null) ? null : maxes.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const states = point.tcpByState ?? lastStates?.tcpByState ?? null;
  const established = states === null ? null : (states.ESTABLISHED ?? 0);
  const statesAgeS = point.tcpByState === null && lastStates !== null && states !== null ? Math.round((point.epochMs - lastStates.epochMs) / 1000) : null;
  return [
    { label: 'CPU', value: pct(cpu.totalPct), detail: cpu.userPct === null || cpu.systemPct === null ? '100% = one core' : `user ${pct(cpu.userPct)} · system ${pct(cpu.systemPct)}` },
    { label: 'RSS', value: figures.bytes(point.rssBytes), detail: `${point.pids.length} process${point.pids.length === 1 ? '' : 'es'}` },
    { label: 'threads', value: figures.count(point.threads), detail: point.openFds === null ? undefined : `${point.openFds} open fds` },
    { label: 'accept queue', value: figures.count(queued), detail: max === null ? undefined : `max ${max}`, tone: queued !== null && queued > 0 ? 'warn' : undefined },
    { label: 'connections', value: figures.count(established), detail: statesAgeS === null ? 'established' : `established, ${statesAgeS} s ago` },
  ];
}

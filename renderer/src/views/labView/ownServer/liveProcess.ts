// The launched server's process points of a live run, on the run's time axis.
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';

/** Whether a run to `targetUrl` loads the launched server at `serverUrl` (same host and port). */
export function loadsServer(targetUrl: string, serverUrl: string | null): boolean {
  if (serverUrl === null) return false;
  try {
    const target = new URL(targetUrl);
    const server = new URL(serverUrl);
    return target.protocol === server.protocol && target.port === server.port && (target.hostname === server.hostname || (isLocal(target.hostname) && isLocal(server.hostname)));
  } catch {
    return false;
  }
}

function isLocal(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

/** The points since the run started, their runTMs counted from it (the lab's are from the server's start). */
export function onRunAxis(points: readonly ProcessTelemetryPoint[], runStartEpochMs: number): ProcessTelemetryPoint[] {
  return points.filter((point) => point.epochMs > runStartEpochMs).map((point) => ({ ...point, runTMs: point.epochMs - runStartEpochMs }));
}

// Figures derived from the state, for views and actions.
import { compareHeadersNewestFirst, type RunHeader } from '../../../common/runHeader.ts';
import type { LatencyEstimate } from '../loadForm/checks.ts';
import { estimateLatency } from '../loadForm/latencyEstimate.ts';
import type { RunParams } from '../loadForm/toRunParams.ts';
import type { LabState, TelemetryPoint } from './state.ts';

/** The built-in server's latest queue wait + service p50 (µs), when it reported one. */
export function serverP50Us(telemetry: readonly TelemetryPoint[]): number | null {
  for (let index = telemetry.length - 1; index >= 0; index--) {
    const point = telemetry[index];
    if (point?.serviceUs != null) return point.serviceUs.p50 + (point.queueWaitUs?.p50 ?? 0);
  }
  return null;
}

export function latencyEstimateFor(state: Pick<LabState, 'serverForm' | 'journal' | 'telemetry'>, params: RunParams): LatencyEstimate {
  return estimateLatency(params.target, {
    builtinModel: params.target.kind === 'builtin' ? state.serverForm.model : null,
    headers: state.journal.runs,
    serverP50Us: serverP50Us(state.telemetry),
  });
}

export function newestFirst(runs: readonly RunHeader[]): RunHeader[] {
  return [...runs].sort(compareHeadersNewestFirst);
}

// What latency to expect from the target, for the checks before a run: the newest run against
// the same target that has a p50, else the built-in server's own latest figures, else assumed.
import type { RunHeader } from '../../../common/runHeader.ts';
import type { ServerModel } from '../../../common/serverTelemetry.ts';
import { ASSUMED_LATENCY, type LatencyEstimate } from './checks.ts';
import type { RunParams } from './toRunParams.ts';

export interface TargetContext {
  /** The built-in server's model when the run would go to it (running, or about to be started). */
  builtinModel: ServerModel | null;
  /** Newest first, as the journal lists them. */
  headers: readonly RunHeader[];
  /** The built-in server's latest queue wait + service p50, µs, when it reported one. */
  serverP50Us: number | null;
}

export function estimateLatency(target: RunParams['target'], context: TargetContext): LatencyEstimate {
  if (target.kind === 'builtin') {
    const model = context.builtinModel;
    const last = model === null ? undefined : context.headers.find((header) => header.serverModel === model && header.p50Us !== null);
    if (last?.p50Us != null) return { us: last.p50Us, source: `p50 of the last run against the ${model} server` };
    if (context.serverP50Us !== null && context.serverP50Us > 0) return { us: context.serverP50Us, source: 'the server’s own queue wait + service p50 just now' };
    return ASSUMED_LATENCY;
  }
  const last = context.headers.find((header) => header.url === target.url && header.p50Us !== null);
  if (last?.p50Us != null) return { us: last.p50Us, source: `p50 of the last run against ${target.url}` };
  return ASSUMED_LATENCY;
}

// The capacity of a thread-per-request server from its own telemetry: every request starts a
// handler thread, so the thread start time the server measured bounds the rate it can take on.
import type { DurationSummaryUs, ServerModel } from '../../../common/serverTelemetry.ts';
import { formatLatencyUs } from '../../../common/chart/axis.ts';
import { threadPerRequestCapacity, type CapacityEstimate } from './checks.ts';

/** The parts of a telemetry sample this reads (older samples lack the optional fields). */
export interface CapacitySample {
  model: ServerModel;
  handlers: { threadStartUs?: DurationSummaryUs | null };
  process: { cores?: number };
}

/**
 * The newest thread start p50 of a thread-per-request server, as a capacity; null when the run
 * would not go to such a server or it has not started a thread yet (unknown, not assumed).
 */
export function estimateThreadCapacity(model: ServerModel | null, samples: readonly CapacitySample[]): CapacityEstimate | null {
  if (model !== 'thread-per-request') return null;
  for (let index = samples.length - 1; index >= 0; index--) {
    const sample = samples[index];
    if (sample?.model !== 'thread-per-request') continue;
    const starts = sample.handlers.threadStartUs ?? null;
    const cores = sample.process.cores ?? null;
    if (starts === null || cores === null || cores < 1) continue;
    return {
      reqPerSec: threadPerRequestCapacity(cores, starts.p50),
      source: `${cores} core${cores === 1 ? '' : 's'} ÷ ${formatLatencyUs(starts.p50)} to start a thread, the p50 the server measured just now`,
    };
  }
  return null;
}

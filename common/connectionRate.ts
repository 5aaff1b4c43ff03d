// The mean connection rate a connection-rate schedule implies (httperf's --rate / --period).
import type { ConnectionSpacing } from './runRecord.ts';

/**
 * Mean connections per second, or null when the mean gap is 0 (every connection at once): no
 * finite rate, and a run record's `load.ratePerSec` must be a positive finite number or null.
 */
export function meanConnectionRatePerSec(spacing: ConnectionSpacing): number | null {
  if (spacing.kind === 'fixed') return spacing.ratePerSec;
  const meanMs = spacing.kind === 'uniform' ? (spacing.minMs + spacing.maxMs) / 2 : spacing.meanMs;
  return meanMs > 0 ? 1000 / meanMs : null;
}

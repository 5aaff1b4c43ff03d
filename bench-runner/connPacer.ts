// The connection-rate schedule (httperf's --rate and --period), as pure functions.
//
// Connection j is intended to open at offsets[j] ms from the run start; the first opens at 0.
// Spacing is fixed (1/rate), uniform in [min, max], or exponential (Poisson arrivals). The
// random source is injected so tests can fix it; a slow accept never moves the schedule.
import type { ConnectionSpacing } from '../common/runRecord.ts';

import type { RandomSource } from '../common/random.ts';

export { seededRandom, type RandomSource } from '../common/random.ts';

function gapMs(spacing: ConnectionSpacing, random: RandomSource): number {
  switch (spacing.kind) {
    case 'fixed':
      return 1000 / spacing.ratePerSec;
    case 'uniform':
      return spacing.minMs + (spacing.maxMs - spacing.minMs) * random();
    case 'exponential':
      return -spacing.meanMs * Math.log(1 - random());
  }
}

/** Intended open times, ms from the run start, non-decreasing. */
export function connectionOffsetsMs(spacing: ConnectionSpacing, numConns: number, random: RandomSource = Math.random): Float64Array {
  if (!Number.isInteger(numConns) || numConns < 1) throw new RangeError(`numConns must be a whole number >= 1, got ${numConns}`);
  if (spacing.kind === 'fixed' && !(spacing.ratePerSec > 0 && Number.isFinite(spacing.ratePerSec))) {
    throw new RangeError(`rate must be > 0, got ${spacing.ratePerSec}`);
  }
  if (spacing.kind === 'uniform' && !(spacing.minMs >= 0 && spacing.maxMs >= spacing.minMs)) {
    throw new RangeError(`uniform spacing needs 0 <= min <= max, got ${spacing.minMs}..${spacing.maxMs}`);
  }
  if (spacing.kind === 'exponential' && !(spacing.meanMs > 0)) throw new RangeError(`mean gap must be > 0, got ${spacing.meanMs}`);
  const offsets = new Float64Array(numConns);
  if (spacing.kind === 'fixed') {
    // Multiply rather than add up gaps: no drift over a long schedule.
    for (let j = 0; j < numConns; j++) offsets[j] = (j * 1000) / spacing.ratePerSec;
    return offsets;
  }
  let atMs = 0;
  for (let j = 1; j < numConns; j++) {
    atMs += gapMs(spacing, random);
    offsets[j] = atMs;
  }
  return offsets;
}

export type ConnectionPaceDecision =
  | { readonly kind: 'open'; readonly count: number }
  | { readonly kind: 'wait'; readonly waitMs: number }
  | { readonly kind: 'done' };

/**
 * With `opened` connections already started, what to do at `elapsedMs`: open the `count` whose
 * time has come (all of them at once when behind), wait for the next, or stop.
 */
export function paceConnections(offsetsMs: Float64Array, elapsedMs: number, opened: number): ConnectionPaceDecision {
  if (opened >= offsetsMs.length) return { kind: 'done' };
  const next = offsetsMs[opened] ?? Infinity;
  if (next > elapsedMs) return { kind: 'wait', waitMs: next - elapsedMs };
  let count = 1;
  while (opened + count < offsetsMs.length && (offsetsMs[opened + count] ?? Infinity) <= elapsedMs) count++;
  return { kind: 'open', count };
}

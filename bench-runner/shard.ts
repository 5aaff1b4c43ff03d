// Shards: one load shape split over N generators (`--shard I/N`), so that together they make
// exactly the load one generator would. Pure.
//
// Rate and max mode split connections by index: shard I owns a contiguous range of the run's
// connection indices, and each connection keeps the interval and phase it has in the whole run
// (pacer.ts: phase from its global index over the total count). The union of the shards'
// schedules is therefore the single generator's schedule, request for request. Connection-rate
// mode deals the connection schedule round-robin (connection j goes to shard j mod N), so every
// shard spans the whole schedule and their union is the whole schedule.

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

/**
 * "1/3" → { index: 1, count: 3 }: I is 0-based, 0 ≤ I < N, as Kubernetes' JOB_COMPLETION_INDEX
 * is, so a pod passes `--shard $JOB_COMPLETION_INDEX/N` unchanged. A message when not.
 */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) return `--shard expects I/N with 0 <= I < N, such as 0/3, got "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return `--shard: N must be from 1 to ${MAX_SHARDS}, got ${count}`;
  if (index >= count) return `--shard: I is 0-based and must be below N (0 to ${count - 1}), got ${index}`;
  return { index, count };
}

export const MAX_SHARDS = 1000;

/** How far in the past `--start-at` may be: a shard that starts later than this is refused. */
export const START_AT_PAST_LIMIT_MS = 5000;
/** How far ahead `--start-at` may be (a pod may wait for its image; a day ahead is a typo). */
export const START_AT_FUTURE_LIMIT_MS = 6 * 3_600_000;

/**
 * `--start-at` as epoch ms: ISO 8601 with a time zone ("2026-12-07T01:30:00Z") or epoch ms
 * ("1796607000000"). Refused when unreadable, more than START_AT_PAST_LIMIT_MS behind `nowMs` (the
 * shards would not start together), or more than START_AT_FUTURE_LIMIT_MS ahead.
 */
export function parseStartAt(text: string, nowMs: number): number | string {
  const trimmed = text.trim();
  let atMs: number;
  if (/^\d+$/.test(trimmed)) atMs = Number(trimmed);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) atMs = Date.parse(trimmed);
  else return `--start-at expects an ISO 8601 time with a zone (2026-12-07T01:30:00Z) or epoch ms, got "${text}"`;
  if (!Number.isFinite(atMs)) return `--start-at: not a valid time: "${text}"`;
  if (atMs < nowMs - START_AT_PAST_LIMIT_MS) {
    return `--start-at ${new Date(atMs).toISOString()} is ${((nowMs - atMs) / 1000).toFixed(1)} s in the past (more than ${START_AT_PAST_LIMIT_MS / 1000} s): the shards would not start together`;
  }
  if (atMs > nowMs + START_AT_FUTURE_LIMIT_MS) {
    return `--start-at ${new Date(atMs).toISOString()} is more than ${START_AT_FUTURE_LIMIT_MS / 3_600_000} h ahead`;
  }
  return atMs;
}

/** When a run's schedule begins: the start instant, or as soon as the run is ready when that has passed. */
export function scheduleStart(readyEpochMs: number, startAtEpochMs: number | null): { startEpochMs: number; latenessMs: number | null } {
  if (startAtEpochMs === null) return { startEpochMs: readyEpochMs, latenessMs: null };
  const startEpochMs = Math.max(readyEpochMs, startAtEpochMs);
  return { startEpochMs, latenessMs: startEpochMs - startAtEpochMs };
}

/**
 * The connection indices [first, first + count) shard `shard` owns out of `totalConnections`:
 * contiguous, sizes differing by at most one, together covering every index exactly once.
 */
export function shardConnections(totalConnections: number, shard: Shard): { first: number; count: number } {
  if (shard.count > totalConnections) throw new RangeError(`${shard.count} shards need at least ${shard.count} connections, got ${totalConnections}`);
  const base = Math.floor(totalConnections / shard.count);
  const extra = totalConnections % shard.count;
  const first = shard.index * base + Math.min(shard.index, extra);
  return { first, count: base + (shard.index < extra ? 1 : 0) };
}

/** Connection-rate mode: the scheduled connections (offsets, ms) shard `shard` opens. */
export function shardOffsets(offsetsMs: readonly number[], shard: Shard): number[] {
  return offsetsMs.filter((_offset, j) => j % shard.count === shard.index);
}

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

/** "2/3" → { index: 1, count: 3 } (the flag is 1-based, as people count shards); a message when not. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) return `--shard expects I/N such as 1/3, got "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > 1000) return `--shard: N must be from 1 to 1000, got ${count}`;
  if (index < 1 || index > count) return `--shard: I must be from 1 to N (${count}), got ${index}`;
  return { index: index - 1, count };
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

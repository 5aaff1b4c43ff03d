// `--shard I/N` and `--start-at TIME` for the commands that make load (bench, httperf).
import { InvalidArgumentError, type Command } from 'commander';
import { parseShard, parseStartAt, type Shard } from '../bench-runner/shard.ts';

export interface ShardFlags {
  shard?: Shard;
  /** Epoch ms. */
  startAt?: number;
}

function shardOption(text: string): Shard {
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

/** Read against the clock when the command starts: a start instant long past is refused. */
function startAtOption(text: string): number {
  const atMs = parseStartAt(text, Date.now());
  if (typeof atMs === 'string') throw new InvalidArgumentError(atMs);
  return atMs;
}

export function addShardOptions(command: Command): Command {
  return command
    .option('--shard <I/N>', "run shard I of N of this load (I from 0, as JOB_COMPLETION_INDEX); loadlab journal merge joins the shards' records", shardOption)
    .option('--start-at <time>', 'start the schedule at this instant (ISO 8601 with a zone, or epoch ms), so every shard starts together', startAtOption);
}

/** The config fields of the flags. */
export function shardConfig(flags: ShardFlags): { shard: Shard | null; startAtEpochMs: number | null } {
  return { shard: flags.shard ?? null, startAtEpochMs: flags.startAt ?? null };
}

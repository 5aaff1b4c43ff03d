// The bench arguments of `loadlab kube job`, checked with bench's own parser and config check
// before any manifest is printed: a mistake shows here, not in N pod logs on a cluster.
import { CommanderError } from 'commander';
import type { BenchConfig } from '../bench-runner/config.ts';
import { benchCommand, benchInput, type BenchFlags } from './bench.ts';
import { UsageError } from './numbers.ts';
import { configFromFlags } from './runWithReport.ts';

const SAVE_WHY = "a pod's journal goes with the pod: `loadlab kube collect JOB --save` keeps the merged run";
const SERVER_WHY = 'the pods load a server by its URL (server profiles live on this machine)';
const FILE_WHY = 'the pods cannot read files of this machine';

/** Bench flags (commander's option names) the user may not give to kube job, and why. */
const REFUSED: readonly { option: string; flag: string; why: string }[] = [
  { option: 'shard', flag: '--shard', why: 'kube job gives each pod its shard' },
  { option: 'startAt', flag: '--start-at', why: 'kube job sets the shared start (--start-in)' },
  { option: 'json', flag: '--json', why: 'each pod writes its record to its log (--json -) for `kube collect`' },
  { option: 'save', flag: '--save', why: SAVE_WHY },
  { option: 'title', flag: '--title', why: `${SAVE_WHY} (its --title)` },
  { option: 'notes', flag: '--notes', why: SAVE_WHY },
  { option: 'tag', flag: '--tag', why: SAVE_WHY },
  { option: 'journal', flag: '--journal', why: SAVE_WHY },
  { option: 'repeat', flag: '--repeat', why: 'a Job runs one load shape: apply it again to repeat' },
  { option: 'server', flag: '--server', why: SERVER_WHY },
  { option: 'serverCmd', flag: '--server-cmd', why: SERVER_WHY },
  { option: 'ready', flag: '--ready', why: SERVER_WHY },
  { option: 'readyTimeout', flag: '--ready-timeout', why: SERVER_WHY },
  { option: 'bodyFile', flag: '--body-file', why: `${FILE_WHY}: give the body with --body` },
  { option: 'ca', flag: '--ca', why: `${FILE_WHY} (a CA from a Secret is not supported yet; --insecure skips verification)` },
  { option: 'slo', flag: '--slo', why: 'it would judge each shard alone, not the merged run' },
];

interface ParsedBench {
  urls: string[];
  flags: BenchFlags;
  /** Whether the option (commander's name) was given on the command line. */
  given(option: string): boolean;
}

/** `args` (after `bench`) through bench's own flags; bad flags are a usage error naming them. */
async function parseBench(args: readonly string[]): Promise<ParsedBench> {
  const command = benchCommand()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  const parsed: { urls: string[]; flags: BenchFlags }[] = [];
  command.action((urls: string[], flags: BenchFlags) => {
    parsed.push({ urls, flags });
  });
  try {
    await command.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new UsageError(`bench arguments: ${error.message.replace(/^error: /, '')}`);
    throw error;
  }
  const [result] = parsed;
  if (result === undefined) throw new UsageError('bench arguments: nothing to run');
  return { ...result, given: (option) => command.getOptionValueSource(option) === 'cli' };
}

/**
 * Checks the user's bench arguments, then every shard's whole command line (`shardArgs(i)`, the
 * index as a number) as the pod will run it; returns shard 0's config. Limits that depend on the
 * machine (threads against its cores, connections against its open-file limit) are this
 * machine's: a pod on a smaller node may still refuse what passes here.
 */
export async function checkShardBenchArgs(benchArgs: readonly string[], shards: number, shardArgs: (index: number) => readonly string[]): Promise<BenchConfig> {
  // Refused flags are named before bench parses their values (a past --start-at would otherwise
  // read as a bad time, not as a flag kube job sets itself).
  const named = REFUSED.filter(({ flag }) => benchArgs.some((arg) => arg === flag || arg.startsWith(`${flag}=`)));
  if (named.length > 0) throw new UsageError(named.map(({ flag, why }) => `bench argument ${flag}: ${why}`).join('\n'));
  const user = await parseBench(benchArgs);
  const refused = REFUSED.filter(({ option }) => user.given(option));
  if (refused.length > 0) throw new UsageError(refused.map(({ flag, why }) => `bench argument ${flag}: ${why}`).join('\n'));
  if (user.urls.length !== 1) throw new UsageError(`bench arguments: give the one URL the shards load, got ${user.urls.length}`);
  let first: BenchConfig | null = null;
  for (let index = 0; index < shards; index += 1) {
    const [command, ...rest] = shardArgs(index);
    if (command !== 'bench') throw new Error(`a shard runs bench, not ${String(command)}`);
    try {
      const pod = await parseBench(rest);
      const config = configFromFlags(await benchInput(pod.urls[0] ?? '', pod.flags));
      first ??= config;
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`shard ${index} of ${shards}: ${error.message}`);
      throw error;
    }
  }
  if (first === null) throw new UsageError('--shards must be at least 1');
  return first;
}

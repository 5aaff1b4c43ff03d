// The flags `bench` takes to run a server beside the load, and the wrapper that starts it before
// the run and stops it after, whatever happens.
import { Command, Option } from 'commander';
import { durationOption, UsageError } from './numbers.ts';
import type { RunCompanion } from './runWithReport.ts';
import { benchServer, serverProfileForBench, ServerRefusedError, type ServerBenchFlags } from './serverBench.ts';
import { readyHelp, readyOption } from './serverProfileFlags.ts';

export type { ServerBenchFlags };

export function addServerOptions(command: Command): Command {
  return command
    .option('--server <name>', 'start the server of this profile (loadlab server add), wait until ready, record its process and build, stop it after')
    .option('--server-cmd <command>', 'start this command (no shell; quotes group words) as the server, the same way')
    .option('--ready <check>', `with --server-cmd: ${readyHelp}`, readyOption)
    .addOption(new Option('--ready-timeout <T>', 'with --server-cmd: how long it gets to become ready (default 30s)').argParser(durationOption('--ready-timeout')));
}

export async function runBenchWithServer<F extends ServerBenchFlags & { interval: number }>(
  url: string | undefined,
  flags: F,
  run: (url: string, flags: F, companion?: RunCompanion) => Promise<number>,
): Promise<number> {
  const spec = await serverProfileForBench(flags);
  if (spec === null) {
    if (url === undefined) throw new UsageError('give the URL to load');
    return run(url, flags);
  }
  const server = benchServer(spec, flags.interval);
  const target = url ?? server.url;
  if (target === null) throw new UsageError(`give the URL to load (the profile ${flags.server ?? ''} has none: server add … --url URL)`);
  try {
    const status = await run(target, flags, server.companion);
    return server.crashed() ? 1 : status;
  } catch (error) {
    if (error instanceof ServerRefusedError) {
      process.stderr.write(`loadlab: ${error.message}\nloadlab: nothing was loaded\n`);
      return 1;
    }
    throw error;
  } finally {
    await server.close();
  }
}

// `loadlab bench`: wrk2's flags in, wrk2's report out, the run record on request.
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { RunRecord } from '../common/runRecord.ts';
import { benchConfigDefaults, type BenchConfig } from '../bench-runner/config.ts';
import { formatWrkReport } from '../bench-runner/report/wrkReport.ts';
import { ConfigError, startRun, validateConfig, type LiveSample } from '../bench-runner/run.ts';
import { ProgressLine } from './progress.ts';
import { durationOption, metricOption, parseHeader, UsageError } from './numbers.ts';

interface BenchFlags {
  threads: number;
  connections: number;
  duration: number;
  rate?: number;
  header: Array<[string, string]>;
  method: string;
  body?: string;
  bodyFile?: string;
  timeout: number;
  latency: boolean;
  /** commander keeps the underscore of wrk2's --u_latency. */
  u_latency: boolean;
  json?: string;
  interval: number;
  keepAlive: boolean;
}

export function benchCommand(): Command {
  return new Command('bench')
    .description('Drive HTTP load like wrk2 and print its report.\nWith -R: constant rate, latency corrected for coordinated omission. Without: as fast as the connections go.')
    .argument('<url>', 'http:// URL to load')
    .option('-t, --threads <N>', 'worker threads', metricOption('-t', true), benchConfigDefaults.threads)
    .option('-c, --connections <N>', 'connections to keep open, split across threads', metricOption('-c', true), benchConfigDefaults.connections)
    .option('-d, --duration <T>', 'duration of the test (10s, 2m, 1h)', durationOption('-d'), benchConfigDefaults.durationMs)
    .option('-R, --rate <N>', 'total requests/sec over all connections (rate mode); omit for max mode', metricOption('-R', false))
    .option('-H, --header <H>', 'add a header "Name: value" (repeatable)', (text: string, all: Array<[string, string]>) => [...all, parseHeader(text)], [])
    .option('--method <M>', 'request method', benchConfigDefaults.method)
    .option('--body <text>', 'request body')
    .option('--body-file <path>', 'request body from a file')
    .addOption(new Option('-T, --timeout <T>', 'count a request as timed out after this long').argParser(durationOption('--timeout')).default(benchConfigDefaults.timeoutMs, '2s'))
    .option('-L, --latency', 'print the latency distribution and the detailed percentile spectrum', false)
    .option('-U, --u_latency', 'also print the uncorrected latency distribution (rate mode)', false)
    .option('--json <file>', 'write the run record (loadlab.run/1) to this file')
    .addOption(new Option('--interval <T>', 'live sample period').argParser(durationOption('--interval')).default(benchConfigDefaults.intervalMs, '1s'))
    .option('--no-keep-alive', 'a new connection per request, sent with Connection: close')
    .action(async (url: string, flags: BenchFlags) => {
      process.exitCode = await runBench(url, flags);
    });
}

async function readBody(flags: BenchFlags): Promise<Uint8Array | null> {
  if (flags.body !== undefined && flags.bodyFile !== undefined) throw new UsageError('give --body or --body-file, not both');
  if (flags.body !== undefined) return Buffer.from(flags.body);
  if (flags.bodyFile === undefined) return null;
  try {
    return await readFile(flags.bodyFile);
  } catch (error) {
    throw new UsageError(`cannot read --body-file ${flags.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function runBench(url: string, flags: BenchFlags): Promise<number> {
  if (flags.rate === 0) throw new UsageError('-R must be greater than 0 (omit -R for max mode)');
  const input: BenchConfig = {
    url,
    threads: flags.threads,
    connections: flags.connections,
    durationMs: flags.duration,
    ratePerSec: flags.rate ?? null,
    method: flags.method.toUpperCase(),
    headers: flags.header,
    body: await readBody(flags),
    timeoutMs: flags.timeout,
    keepAlive: flags.keepAlive,
    intervalMs: flags.interval,
  };
  let config: BenchConfig;
  try {
    config = validateConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.join('\n         '));
    throw error;
  }

  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  const handle = startRun(config, { onSample: (sample: LiveSample) => progress?.update(sample) });
  const onInterrupt = (): void => {
    process.stderr.write('\nloadlab: stopping; the report covers what was measured so far\n');
    handle.stop();
    process.off('SIGINT', onInterrupt);
  };
  process.on('SIGINT', onInterrupt);
  let record: RunRecord;
  try {
    record = await handle.result;
  } finally {
    process.off('SIGINT', onInterrupt);
    progress?.clear();
  }

  process.stdout.write(formatWrkReport(record, { latency: flags.latency || flags.u_latency, uncorrectedLatency: flags.u_latency }));
  if (flags.json !== undefined) {
    try {
      await writeFile(flags.json, `${JSON.stringify(record, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`loadlab: cannot write --json ${flags.json}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 1;
    }
  }
  return 0;
}

// `loadlab bench`: wrk2's flags in, wrk2's report out, the run record on request.
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { benchConfigDefaults, parseTargetUrl, type BenchConfig } from '../bench-runner/config.ts';
import { formatHttperfReport } from '../common/report/httperfReport.ts';
import { formatWrkReport } from '../common/report/wrkReport.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { judgeRecord, type SloVerdict } from '../experiments/stepOutcome.ts';
import { EXIT_SLO_FAILED, parseSloFlag, sloLines } from './sloFlag.ts';
import { durationOption, metricOption, parseHeader, UsageError } from './numbers.ts';
import { runRepeated } from './benchRepeat.ts';
import { configFromFlags, runWithReport, type RunCompanion } from './runWithReport.ts';
import { addSaveOptions, checkSaveFlags, type SaveFlags } from './saveToJournal.ts';
import { addServerOptions, runBenchWithServer, type ServerBenchFlags } from './serverBenchOptions.ts';
import { addShardOptions, shardConfig, type ShardFlags } from './shardFlags.ts';

export interface BenchFlags extends SaveFlags, ServerBenchFlags, ShardFlags {
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
  /** Worker threads; absent: one per core (bench-runner/workerThreads.ts). */
  workers?: number;
  interval: number;
  keepAlive: boolean;
  connRate?: number;
  numConns?: number;
  numCalls: number;
  ca?: string;
  insecure: boolean;
  /** commander's --no-tls-resume. */
  tlsResume: boolean;
  slo?: string;
  repeat: number;
}

export function benchCommand(): Command {
  const command = new Command('bench')
    .description('Drive HTTP load like wrk2 and print its report.\nWith -R: constant rate, latency corrected for coordinated omission. Without: as fast as the connections go.')
    .argument('[url...]', 'http:// or https:// URL to load (with --server: the profile\'s URL by default); with --repeat, several URLs are run alternately and compared')
    .option('-t, --threads <N>', 'threads, as wrk\'s: each its own connections, schedule and statistics', metricOption('-t', true), benchConfigDefaults.threads)
    .option('--workers <N>', 'Node worker threads that carry the threads (default: one per core, at most -t)', metricOption('--workers', true))
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
    .option('--json <file>', 'write the run record (loadlab.run/1) to this file; - writes it to stdout as one line, and the report to stderr')
    .addOption(new Option('--interval <T>', 'live sample period').argParser(durationOption('--interval')).default(benchConfigDefaults.intervalMs, '1s'))
    .option('--no-keep-alive', 'a new connection per request, sent with Connection: close')
    .option('--conn-rate <N>', 'connection-rate mode (httperf): open N new connections per second, print httperf\'s report', metricOption('--conn-rate', false))
    .option('--num-conns <N>', 'connection-rate mode: connections in all (default: rate × duration)', metricOption('--num-conns', true))
    .option('--num-calls <N>', 'connection-rate mode: requests on each connection', metricOption('--num-calls', true), 1)
    .option('--ca <file>', 'https: trust this CA certificate (PEM) besides the built-in roots')
    .option('--insecure', 'https: do not verify the server certificate (the report and the record say so)', false)
    .option('--no-tls-resume', 'https: a full TLS handshake on every reconnect (no session resumption)')
    .option('--slo <thresholds>', `thresholds the run must meet, e.g. p99=20ms,errors=0.1%; exit status ${EXIT_SLO_FAILED} when one is crossed`)
    .option('--repeat <N>', 'run N times (several URLs: alternately, A B A B) and compare the runs with their noise', metricOption('--repeat', true), 1)
    .action(async (urls: string[], flags: BenchFlags) => {
      if (flags.repeat < 1) throw new UsageError('--repeat needs at least 1');
      if (flags.repeat > 1 || urls.length > 1) {
        process.exitCode = await runBenchRepeated(urls, flags);
        return;
      }
      process.exitCode = await runBenchWithServer(urls[0], flags, runBench);
    });
  return addShardOptions(addServerOptions(addSaveOptions(command)));
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

/** `--repeat N URL [URL…]`: each target N times, alternating, then compared. */
async function runBenchRepeated(urls: string[], flags: BenchFlags): Promise<number> {
  checkSaveFlags(flags);
  if (urls.length === 0) throw new UsageError('give the URL to load');
  if (urls.length > 6) throw new UsageError(`--repeat compares at most 6 URLs, got ${urls.length}`);
  if (flags.json !== undefined) throw new UsageError('--json writes one run; with --repeat or several URLs keep the runs with --save');
  if (flags.slo !== undefined) throw new UsageError('--slo judges one run; with --repeat use loadlab journal compare on the saved runs');
  if (flags.connRate !== undefined) throw new UsageError('--repeat takes rate or max mode runs, not --conn-rate');
  if (flags.shard !== undefined || flags.startAt !== undefined) throw new UsageError('--shard and --start-at run one shard of one load: not with --repeat or several URLs');
  if (flags.server !== undefined || flags.serverCmd !== undefined) throw new UsageError('--repeat does not start servers yet: start them first (loadlab server start NAME) and give their URLs');
  const targets = [];
  for (const [i, url] of urls.entries()) targets.push({ label: String.fromCharCode(65 + i), config: configFromFlags(await benchInput(url, flags)) });
  return runRepeated(targets, flags.repeat, flags);
}

/** The run's config from the flags, for one URL (checked flags; the body read once per call). */
export async function benchInput(url: string, flags: BenchFlags): Promise<BenchConfig> {
  if (flags.rate === 0) throw new UsageError('-R must be greater than 0 (omit -R for max mode)');
  if (flags.workers === 0) throw new UsageError('--workers needs at least 1 (omit it for one per core)');
  if (flags.connRate === 0) throw new UsageError('--conn-rate must be greater than 0');
  if (flags.connRate === undefined && flags.numConns !== undefined) throw new UsageError('--num-conns needs --conn-rate');
  return {
    url,
    threads: flags.threads,
    workerThreads: flags.workers ?? null,
    connections: flags.connections,
    durationMs: flags.duration,
    ratePerSec: flags.rate ?? null,
    method: flags.method.toUpperCase(),
    headers: flags.header,
    body: await readBody(flags),
    timeoutMs: flags.timeout,
    keepAlive: flags.keepAlive,
    intervalMs: flags.interval,
    connRate:
      flags.connRate === undefined
        ? null
        : {
            // Without --num-conns, as many connections as the rate makes in the duration.
            numConns: flags.numConns ?? Math.max(1, Math.round((flags.connRate * flags.duration) / 1000)),
            numCalls: flags.numCalls,
            spacing: { kind: 'fixed', ratePerSec: flags.connRate },
          },
    tls: { insecure: flags.insecure, caFile: flags.ca ?? null, resume: flags.tlsResume },
    ...shardConfig(flags),
  };
}

async function runBench(url: string, flags: BenchFlags, companion?: RunCompanion): Promise<number> {
  checkSaveFlags(flags);
  const config = configFromFlags(await benchInput(url, flags));
  const slo = parseSloFlag(flags.slo);
  const judged: { verdict: SloVerdict | null } = { verdict: null };
  const withSlo = (report: (record: MeasuredRunRecord) => string) => (record: MeasuredRunRecord): string => {
    if (slo === null) return report(record);
    judged.verdict = judgeRecord(record, slo);
    return `${report(record)}${sloLines(judged.verdict)}`;
  };
  let status: number;
  if (config.connRate !== null) {
    const { server, port, uri, ssl } = httperfTarget(url);
    const invocation = { server, port, uri, ssl, spacing: `--rate=${flags.connRate}`, numConns: config.connRate.numConns, numCalls: config.connRate.numCalls, timeoutS: config.timeoutMs / 1000 };
    status = await runWithReport(config, withSlo((record) => formatHttperfReport(record, invocation)), { jsonPath: flags.json, save: flags }, companion);
  } else {
    const latency = flags.latency || flags.u_latency;
    status = await runWithReport(config, withSlo((record) => formatWrkReport(record, { latency, uncorrectedLatency: flags.u_latency })), { jsonPath: flags.json, save: flags }, companion);
  }
  return status === 0 && judged.verdict !== null && !judged.verdict.passed ? EXIT_SLO_FAILED : status;
}

/** The --server/--port/--uri an httperf report echoes for a URL. */
function httperfTarget(url: string): { server: string; port: number; uri: string; ssl: boolean } {
  const target = parseTargetUrl(url);
  if (typeof target === 'string') throw new UsageError(target);
  return { server: target.host, port: target.port, uri: target.path, ssl: target.tls };
}

// `loadlab bench`: wrk2's flags in, wrk2's report out, the run record on request.
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { benchConfigDefaults, parseTargetUrl, type BenchConfig } from '../bench-runner/config.ts';
import { formatHttperfReport } from '../common/report/httperfReport.ts';
import { formatWrkReport } from '../common/report/wrkReport.ts';
import { durationOption, metricOption, parseHeader, UsageError } from './numbers.ts';
import { configFromFlags, runWithReport, type RunCompanion } from './runWithReport.ts';
import { addSaveOptions, checkSaveFlags, type SaveFlags } from './saveToJournal.ts';
import { addServerOptions, runBenchWithServer, type ServerBenchFlags } from './serverBenchOptions.ts';

interface BenchFlags extends SaveFlags, ServerBenchFlags {
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
  connRate?: number;
  numConns?: number;
  numCalls: number;
  ca?: string;
  insecure: boolean;
  /** commander's --no-tls-resume. */
  tlsResume: boolean;
}

export function benchCommand(): Command {
  const command = new Command('bench')
    .description('Drive HTTP load like wrk2 and print its report.\nWith -R: constant rate, latency corrected for coordinated omission. Without: as fast as the connections go.')
    .argument('[url]', 'http:// or https:// URL to load (with --server: the profile\'s URL by default)')
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
    .option('--conn-rate <N>', 'connection-rate mode (httperf): open N new connections per second, print httperf\'s report', metricOption('--conn-rate', false))
    .option('--num-conns <N>', 'connection-rate mode: connections in all (default: rate × duration)', metricOption('--num-conns', true))
    .option('--num-calls <N>', 'connection-rate mode: requests on each connection', metricOption('--num-calls', true), 1)
    .option('--ca <file>', 'https: trust this CA certificate (PEM) besides the built-in roots')
    .option('--insecure', 'https: do not verify the server certificate (the report and the record say so)', false)
    .option('--no-tls-resume', 'https: a full TLS handshake on every reconnect (no session resumption)')
    .action(async (url: string | undefined, flags: BenchFlags) => {
      process.exitCode = await runBenchWithServer(url, flags, runBench);
    });
  return addServerOptions(addSaveOptions(command));
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

async function runBench(url: string, flags: BenchFlags, companion?: RunCompanion): Promise<number> {
  checkSaveFlags(flags);
  if (flags.rate === 0) throw new UsageError('-R must be greater than 0 (omit -R for max mode)');
  if (flags.connRate === 0) throw new UsageError('--conn-rate must be greater than 0');
  if (flags.connRate === undefined && flags.numConns !== undefined) throw new UsageError('--num-conns needs --conn-rate');
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
  };
  const config = configFromFlags(input);
  if (config.connRate !== null) {
    const { server, port, uri, ssl } = httperfTarget(url);
    const invocation = { server, port, uri, ssl, spacing: `--rate=${flags.connRate}`, numConns: config.connRate.numConns, numCalls: config.connRate.numCalls, timeoutS: config.timeoutMs / 1000 };
    return runWithReport(config, (record) => formatHttperfReport(record, invocation), { jsonPath: flags.json, save: flags }, companion);
  }
  const latency = flags.latency || flags.u_latency;
  return runWithReport(config, (record) => formatWrkReport(record, { latency, uncorrectedLatency: flags.u_latency }), { jsonPath: flags.json, save: flags }, companion);
}

/** The --server/--port/--uri an httperf report echoes for a URL. */
function httperfTarget(url: string): { server: string; port: number; uri: string; ssl: boolean } {
  const target = parseTargetUrl(url);
  if (typeof target === 'string') throw new UsageError(target);
  return { server: target.host, port: target.port, uri: target.path, ssl: target.tls };
}

// `loadlab httperf`: httperf's flags in, httperf's report out: a new connection on a fixed
// schedule, --num-calls requests on each. The same engine as `loadlab bench --conn-rate`.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ConnectionSpacing } from '../common/runRecord.ts';
import { benchConfigDefaults } from '../bench-runner/config.ts';
import { formatHttperfReport } from '../common/report/httperfReport.ts';
import { metricOption, parseHeader, UsageError } from './numbers.ts';
import { configFromFlags, runWithReport } from './runWithReport.ts';
import { urlHostFromServerFlag } from './serverHost.ts';
import { addSaveOptions, checkSaveFlags, type SaveFlags } from './saveToJournal.ts';
import { addShardOptions, shardConfig, type ShardFlags } from './shardFlags.ts';

interface HttperfFlags extends SaveFlags, ShardFlags {
  server: string;
  port?: number;
  uri: string;
  rate?: number;
  period?: ConnectionSpacing;
  numConns: number;
  numCalls: number;
  timeout: number;
  method: string;
  addHeader: Array<[string, string]>;
  threads: number;
  json?: string;
  ssl: boolean;
  ca?: string;
  insecure: boolean;
  /** commander's --no-ssl-reuse (false when given). */
  sslReuse: boolean;
  /** httperf's own spelling, --ssl-no-reuse. */
  sslNoReuse: boolean;
}

/** httperf's --period: "d0.1" (deterministic), "u0.05,0.15" (uniform), "e0.1" (exponential), seconds. */
export function parsePeriod(text: string): ConnectionSpacing {
  const match = /^([due]?)(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(text.trim());
  const kind = match?.[1] || 'd';
  const firstS = Number(match?.[2]);
  const secondS = match?.[3] === undefined ? null : Number(match[3]);
  if (!match || (kind === 'u') !== (secondS !== null)) {
    throw new InvalidArgumentError(`--period expects d<T>, e<T> or u<T1>,<T2> in seconds (e.g. d0.1, e0.1, u0.05,0.15), got "${text}"`);
  }
  if (kind === 'u') {
    if (secondS === null || secondS < firstS) throw new InvalidArgumentError(`--period u<T1>,<T2> needs T1 <= T2, got "${text}"`);
    return { kind: 'uniform', minMs: firstS * 1000, maxMs: secondS * 1000 };
  }
  if (!(firstS > 0)) throw new InvalidArgumentError(`--period needs a time above 0, got "${text}"`);
  return kind === 'e' ? { kind: 'exponential', meanMs: firstS * 1000 } : { kind: 'fixed', ratePerSec: 1 / firstS };
}

function seconds(flag: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0) || !Number.isFinite(value)) throw new InvalidArgumentError(`${flag} expects seconds above 0 (e.g. 5 or 0.5), got "${text}"`);
    return value;
  };
}

/** httperf's --add-header takes raw header lines, several separated by "\n". */
function addHeaders(text: string, all: Array<[string, string]>): Array<[string, string]> {
  const lines = text.split(/\\n|\n/).filter((line) => line.trim() !== '');
  return [...all, ...lines.map((line) => parseHeader(line, '--add-header'))];
}

export function httperfCommand(): Command {
  const command = new Command('httperf')
    .description("Connection-rate load like httperf: new connections on a schedule, --num-calls requests on each, httperf's report.")
    .option('--server <host>', 'server to load', 'localhost')
    .option('--port <N>', 'server port (default 80, 443 with --ssl)', metricOption('--port', true))
    .option('--uri <path>', 'request path', '/')
    .option('--rate <N>', 'new connections per second, evenly spaced', metricOption('--rate', false))
    .option('--period <spec>', 'connection spacing instead of --rate: d<T>, u<T1>,<T2> or e<T> seconds', parsePeriod)
    .option('--num-conns <N>', 'connections in all', metricOption('--num-conns', true), 1)
    .option('--num-calls <N>', 'requests on each connection, one after another', metricOption('--num-calls', true), 1)
    .addOption(new Option('--timeout <S>', 'seconds a connect or a reply may take (client-timo)').argParser(seconds('--timeout')).default(5, '5'))
    .option('--method <M>', 'request method', 'GET')
    .option('--add-header <H>', 'extra header line(s), "Name: value" (repeatable)', addHeaders, [])
    .option('-t, --threads <N>', 'threads (Loadlab extension, on one worker thread per core at most; peak concurrency is exact with 1)', metricOption('-t', true), 1)
    .option('--hog', 'accepted for httperf compatibility (no effect)')
    .option('--ssl', 'speak TLS (https), SNI from --server; the certificate is verified unless --insecure', false)
    .option('--ssl-no-reuse', 'with --ssl: a full handshake on every connection (Loadlab resumes the TLS session on reconnect by default)', false)
    .addOption(new Option('--no-ssl-reuse', 'the same as --ssl-no-reuse').hideHelp())
    .option('--ca <file>', 'with --ssl: trust this CA certificate (PEM) besides the built-in roots (Loadlab extension)')
    .option('--insecure', 'with --ssl: do not verify the certificate (Loadlab extension; httperf never verifies)', false)
    .option('--json <file>', 'write the run record (loadlab.run/1)')
    .action(async (flags: HttperfFlags) => {
      process.exitCode = await runHttperf(flags);
    });
  return addShardOptions(addSaveOptions(command));
}

async function runHttperf(flags: HttperfFlags): Promise<number> {
  checkSaveFlags(flags);
  if (flags.rate !== undefined && flags.period !== undefined) throw new UsageError('give --rate or --period, not both');
  if (flags.rate === 0) throw new UsageError('--rate must be greater than 0');
  const spacing: ConnectionSpacing | undefined = flags.period ?? (flags.rate !== undefined ? { kind: 'fixed', ratePerSec: flags.rate } : undefined);
  if (spacing === undefined) {
    throw new UsageError('give --rate N or --period (httperf without a rate opens connections one after another; Loadlab runs a schedule)');
  }
  const port = flags.port ?? (flags.ssl ? 443 : 80);
  if (port < 1 || port > 65535) throw new UsageError(`--port must be 1-65535, got ${port}`);
  const uri = flags.uri.startsWith('/') ? flags.uri : `/${flags.uri}`;
  const host = urlHostFromServerFlag(flags.server);
  const tlsResume = flags.sslReuse && !flags.sslNoReuse;
  const config = configFromFlags({
    ...benchConfigDefaults,
    url: `${flags.ssl ? 'https' : 'http'}://${host}:${port}${uri}`,
    threads: flags.threads,
    connections: flags.threads,
    ...shardConfig(flags),
    method: flags.method.toUpperCase(),
    headers: flags.addHeader,
    timeoutMs: Math.round(flags.timeout * 1000),
    connRate: { numConns: flags.numConns, numCalls: flags.numCalls, spacing },
    tls: { insecure: flags.insecure, caFile: flags.ca ?? null, resume: tlsResume },
  });
  const invocation = {
    server: flags.server,
    port,
    uri,
    spacing: flags.rate !== undefined ? `--rate=${flags.rate}` : `--period=${describePeriod(spacing)}`,
    numConns: flags.numConns,
    numCalls: flags.numCalls,
    timeoutS: flags.timeout,
    ssl: flags.ssl,
    sslNoReuse: flags.ssl && !tlsResume,
  };
  return runWithReport(config, (record) => formatHttperfReport(record, invocation), { jsonPath: flags.json, save: flags });
}

function describePeriod(spacing: ConnectionSpacing): string {
  switch (spacing.kind) {
    case 'fixed':
      return `d${1 / spacing.ratePerSec}`;
    case 'uniform':
      return `u${spacing.minMs / 1000},${spacing.maxMs / 1000}`;
    case 'exponential':
      return `e${spacing.meanMs / 1000}`;
  }
}

// `loadlab serve`: the built-in server under test. Prints the address it listens on, then (on a
// terminal) one telemetry line per second on stderr; Ctrl-C stops it gracefully.
import { Command, Option } from 'commander';
import { formatBytes, formatTimeUs } from '../common/format.ts';
import { serverModels, type ServerModel, type ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { ServerConfigError, validateServerConfig, type ServerConfig } from '../server-core/config.ts';
import { startServer, type BuiltinServer } from '../server-core/server.ts';
import { localCertificate, readCertificateFiles } from '../server-core/tlsCertificate.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultUserDataDir } from '../journal/store/journalDir.ts';
import { metricOption, portOption, UsageError } from './numbers.ts';
import { errorMessage } from '../common/errorMessage.ts';

/** In-flight requests get this long to finish after Ctrl-C. */
const GRACE_MS = 5000;

const defaults = validateServerConfig({});

interface ServeFlags {
  model: ServerModel;
  workers: number;
  host: string;
  port: number;
  keepAlive: boolean;
  closeSilently: boolean;
  maxPipelined: number;
  maxUnsentBytes: number;
  serverTiming: boolean;
  quiet: boolean;
  tls: boolean;
  cert?: string;
  key?: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the built-in server under test with the concurrency model you pick.\n' +
        'Routes: / (tiny body), /sleep?ms=N (blocks its handler), /sleep-async?ms=N, /cpu?us=N, /bytes?n=N, POST /echo.',
    )
    .addOption(new Option('--model <M>', 'concurrency model').choices(serverModels).default(defaults.model))
    .option('--workers <N>', 'handler threads of the pool models', metricOption('--workers', true), defaults.workers)
    .option('--host <H>', 'address to listen on', defaults.host)
    .option('--port <P>', 'port to listen on (0 for any free one)', portOption('--port'), defaults.port)
    .option('--no-keep-alive', 'close the connection after every response (Connection: close)')
    .option(
      '--close-silently',
      "close after every response without saying Connection: close, dropping unread request bytes (the seed journal's server before entry 004; wrk counts read errors)",
      false,
    )
    .option('--max-pipelined <N>', 'per connection: requests with the model at once; beyond, the connection is not read', metricOption('--max-pipelined', true), defaults.limits.maxPipelinedResponses)
    .option('--max-unsent-bytes <N>', 'per connection: unsent response bytes before the server stops taking its requests (1M = 1,000,000)', metricOption('--max-unsent-bytes', true), defaults.limits.maxUnsentResponseBytes)
    .option('--no-server-timing', 'leave out the Server-Timing header (queue wait, service time, handler)')
    .option('-q, --quiet', 'no telemetry lines', false)
    .option('--tls', 'serve https: with --cert/--key, or a self-signed certificate for localhost, 127.0.0.1 and ::1 made on first use and kept in the user data folder', false)
    .option('--cert <file>', 'with --tls: certificate (PEM)')
    .option('--key <file>', 'with --tls: its private key (PEM)')
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags);
    });
}

/** The --tls certificate and a line that says where it came from; null without --tls. */
async function serverTls(flags: ServeFlags): Promise<{ tls: ServerConfig['tls']; note: string } | null> {
  if (!flags.tls) {
    if (flags.cert !== undefined || flags.key !== undefined) throw new UsageError('--cert and --key need --tls');
    return null;
  }
  if ((flags.cert === undefined) !== (flags.key === undefined)) throw new UsageError('give --cert and --key together (or neither, for the self-signed certificate)');
  if (flags.cert !== undefined && flags.key !== undefined) {
    try {
      return { tls: await readCertificateFiles(flags.cert, flags.key), note: `certificate ${flags.cert}` };
    } catch (error) {
      throw new UsageError(errorMessage(error));
    }
  }
  const local = await localCertificate(join(defaultUserDataDir(process.platform, process.env, homedir()), 'tls'));
  const tls = { certPem: local.certPem, keyPem: local.keyPem };
  return { tls, note: `self-signed certificate ${local.certFile}${local.created ? ' (new)' : ''}; clients trust it with --ca ${local.certFile}` };
}

function validate(flags: ServeFlags, tls: ServerConfig['tls']): ServerConfig {
  try {
    const { model, workers, host, port, keepAlive, closeSilently, serverTiming } = flags;
    return validateServerConfig({
      model,
      workers,
      host,
      port,
      keepAlive,
      closeSilently,
      serverTiming,
      tls,
      limits: { maxPipelinedResponses: flags.maxPipelined, maxUnsentResponseBytes: flags.maxUnsentBytes },
    });
  } catch (error) {
    if (error instanceof ServerConfigError) throw new UsageError(error.problems.map((problem) => `--${problem}`).join('\n         '));
    throw error;
  }
}

async function runServe(flags: ServeFlags): Promise<number> {
  const tls = await serverTls(flags);
  const config = validate(flags, tls?.tls ?? null);
  let server: BuiltinServer;
  try {
    server = await startServer(config);
  } catch (error) {
    process.stderr.write(`loadlab: ${errorMessage(error)}\n`);
    return 1;
  }
  const host = server.address.host.includes(':') ? `[${server.address.host}]` : server.address.host;
  const pool = config.model === 'pool-shared' || config.model === 'pool-per-worker' ? `, ${config.workers} workers` : '';
  process.stdout.write(`Listening on ${tls === null ? 'http' : 'https'}://${host}:${server.address.port}/ (model ${config.model}${pool}, ${connectionText(config)}); Ctrl-C stops it\n`);
  if (tls !== null) process.stdout.write(`TLS: ${tls.note}\n`);
  if (!flags.quiet && process.stderr.isTTY) server.on('telemetry', (sample) => process.stderr.write(`${telemetryLine(sample)}\n`));

  const failure = await new Promise<string | null>((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.stderr.write(`\nloadlab: stopping; requests in flight get ${GRACE_MS / 1000} s (Ctrl-C again to quit at once)\n`);
      resolve(null);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    server.on('status', (status) => {
      if (status.state === 'failed') resolve(status.message);
    });
  });
  if (failure !== null) {
    process.stderr.write(`loadlab: the server failed: ${failure}\n`);
    await server.stop(0);
    return 1;
  }
  const report = await server.stop(GRACE_MS);
  process.stdout.write(
    report === null
      ? 'stopped (the server thread had to be ended)\n'
      : `stopped: ${report.servedTotal} response${report.servedTotal === 1 ? '' : 's'} in all; of ${report.inFlightAtStop} in flight, ${report.drained} answered while stopping, ${report.abandoned} cut off\n`,
  );
  return 0;
}

function connectionText(config: ServerConfig): string {
  if (config.closeSilently) return 'closes silently after every response';
  return `keep-alive ${config.keepAlive ? 'on' : 'off'}`;
}

/** One line per sample: connections, throughput, queues, wait versus service, handlers, the loop, the process. */
export function telemetryLine(sample: ServerTelemetrySample): string {
  const perSec = sample.intervalMs > 0 ? Math.round((sample.requests.served * 1000) / sample.intervalMs) : 0;
  const p99 = (summary: ServerTelemetrySample['serviceUs']): string => (summary === null ? '-' : formatTimeUs(summary.p99));
  const queues = sample.queues.depths.length > 1 ? ` [${sample.queues.depths.join(' ')}]` : '';
  const waiting = sample.connections.waiting > 0 ? ` (${sample.connections.waiting} waiting)` : '';
  const { handlers } = sample;
  const threads = handlers.threadsStarted > 0 ? `  threads +${handlers.threadsStarted}` : '';
  const deaths = handlers.deaths > 0 ? `  died ${handlers.deaths}` : '';
  const rejected = sample.requests.rejected > 0 ? `  rejected ${sample.requests.rejected}` : '';
  const abandoned = (sample.requests.abandoned ?? 0) > 0 ? `  abandoned ${sample.requests.abandoned}` : '';
  const starts = handlers.threadStartUs ?? null;
  const threadStart =
    starts === null ? '' : `  thread start p50 ${formatTimeUs(starts.p50)} p99 ${formatTimeUs(starts.p99)} (${Math.round(handlers.threadsStartedPerSec ?? 0)}/s)`;
  const tls = sample.tls === undefined ? '' : `  tls ${sample.tls.handshakes} hs${sample.tls.handshakeUs === null ? '' : ` p99 ${formatTimeUs(sample.tls.handshakeUs.p99)}`}${sample.tls.failures > 0 ? ` ${sample.tls.failures} failed` : ''}`;
  return (
    `${(sample.tMs / 1000).toFixed(1)}s  conns ${sample.connections.open}${waiting}  req/s ${perSec}  in flight ${sample.requests.inFlight}` +
    `  queue ${sample.queues.depth}${queues}  wait p99 ${p99(sample.queueWaitUs)}  service p99 ${p99(sample.serviceUs)}` +
    `  busy ${handlers.busy}${handlers.threads > 0 ? `/${handlers.threads}` : ''}${threads}${threadStart}${deaths}${rejected}${abandoned}${tls}` +
    `  loop p99 ${formatTimeUs(sample.eventLoopDelayUs.p99)}  cpu ${Math.round(sample.process.cpuPct)}%  rss ${formatBytes(sample.process.rssBytes)}`
  );
}

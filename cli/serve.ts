// `loadlab serve`: the built-in server under test. Prints the address it listens on, then (on a
// terminal) one telemetry line per second on stderr; Ctrl-C stops it gracefully.
import { Command, Option } from 'commander';
import { formatBytes, formatTimeUs } from '../common/format.ts';
import { serverModels, type ServerModel, type ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { ServerConfigError, validateServerConfig, type ServerConfig } from '../server-core/config.ts';
import { startServer, type BuiltinServer } from '../server-core/server.ts';
import { metricOption, portOption, UsageError } from './numbers.ts';

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
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags);
    });
}

function validate(flags: ServeFlags): ServerConfig {
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
      limits: { maxPipelinedResponses: flags.maxPipelined, maxUnsentResponseBytes: flags.maxUnsentBytes },
    });
  } catch (error) {
    if (error instanceof ServerConfigError) throw new UsageError(error.problems.map((problem) => `--${problem}`).join('\n         '));
    throw error;
  }
}

async function runServe(flags: ServeFlags): Promise<number> {
  const config = validate(flags);
  let server: BuiltinServer;
  try {
    server = await startServer(config);
  } catch (error) {
    process.stderr.write(`loadlab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const host = server.address.host.includes(':') ? `[${server.address.host}]` : server.address.host;
  const pool = config.model === 'pool-shared' || config.model === 'pool-per-worker' ? `, ${config.workers} workers` : '';
  process.stdout.write(`Listening on http://${host}:${server.address.port}/ (model ${config.model}${pool}, ${connectionText(config)}); Ctrl-C stops it\n`);
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
  return (
    `${(sample.tMs / 1000).toFixed(1)}s  conns ${sample.connections.open}${waiting}  req/s ${perSec}  in flight ${sample.requests.inFlight}` +
    `  queue ${sample.queues.depth}${queues}  wait p99 ${p99(sample.queueWaitUs)}  service p99 ${p99(sample.serviceUs)}` +
    `  busy ${handlers.busy}${handlers.threads > 0 ? `/${handlers.threads}` : ''}${threads}${threadStart}${deaths}${rejected}${abandoned}` +
    `  loop p99 ${formatTimeUs(sample.eventLoopDelayUs.p99)}  cpu ${Math.round(sample.process.cpuPct)}%  rss ${formatBytes(sample.process.rssBytes)}`
  );
}

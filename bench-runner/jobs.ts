// Splits a validated run into one job per worker thread.
import type { BenchConfig, TargetAddress } from './config.ts';
import { connectionOffsetsMs, type RandomSource } from './connPacer.ts';
import { shardConnections, shardOffsets } from './shard.ts';
import type { ConnRateJob, TlsJob, WorkerJob } from './messages.ts';

/** Grace after the last possible timeout before a connection-rate run is cut off. */
const CONN_RATE_GRACE_MS = 1000;

export interface PlannedRun {
  jobs: Array<WorkerJob | ConnRateJob>;
  /** The run length the record reports as its load: the duration, or the connection schedule's span. */
  plannedDurationMs: number;
}

export function planRun(config: BenchConfig, target: TargetAddress, request: Buffer, random: RandomSource = Math.random, tls: TlsJob | null = null): PlannedRun {
  const base = { host: target.host, port: target.port, request, expectNoBody: config.method === 'HEAD', tls };
  if (config.connRate !== null) {
    const { numConns, numCalls, spacing } = config.connRate;
    const whole = connectionOffsetsMs(spacing, numConns, random);
    // A shard opens its share of the whole schedule, each connection at its time in the whole.
    const offsets = config.shard ? Float64Array.from(shardOffsets(Array.from(whole), config.shard)) : whole;
    const spanMs = whole[whole.length - 1] ?? 0;
    // Every phase of a connection (connect, each call) ends by its timeout, so this bounds the run.
    const boundMs = Math.ceil(spanMs + (numCalls + 1) * config.timeoutMs + CONN_RATE_GRACE_MS);
    const jobs: ConnRateJob[] = [];
    for (let i = 0; i < config.threads; i++) {
      // Deal connections round-robin so each thread's share spans the whole schedule.
      const mine = offsets.filter((_offset, j) => j % config.threads === i);
      jobs.push({ ...base, mode: 'conn-rate', offsetsMs: mine, numCalls, durationMs: boundMs, timeoutMs: config.timeoutMs, intervalMs: config.intervalMs });
    }
    return { jobs, plannedDurationMs: Math.max(1, Math.round(spanMs)) };
  }
  const jobs: WorkerJob[] = [];
  // A shard runs a contiguous range of the whole run's connections; each keeps its global index,
  // so its phase and interval are those it has in the whole schedule (pacer.ts).
  const own = config.shard ? shardConnections(config.connections, config.shard) : { first: 0, count: config.connections };
  let firstConnectionIndex = own.first;
  for (let i = 0; i < config.threads; i++) {
    const connections = Math.floor(own.count / config.threads) + (i < own.count % config.threads ? 1 : 0);
    jobs.push({
      ...base,
      mode: config.ratePerSec === null ? 'max' : 'rate',
      firstConnectionIndex,
      connections,
      totalConnections: config.connections,
      ratePerSec: config.ratePerSec,
      durationMs: config.durationMs,
      timeoutMs: config.timeoutMs,
      keepAlive: config.keepAlive,
      intervalMs: config.intervalMs,
    });
    firstConnectionIndex += connections;
  }
  return { jobs, plannedDurationMs: config.durationMs };
}

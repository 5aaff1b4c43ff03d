// The configuration of one load run, validated once at the boundary (CLI, lab API).
// Only a bad configuration stops a run before it starts; everything after is data.
import { z } from 'zod';
import { connRateLoadSchema } from '../common/runRecord.ts';
import { hostLimitProblems, hostLimits } from './limits.ts';
import { MAX_SHARDS, shardConnections } from './shard.ts';

/** The schema's fixed ceiling; the machine's own bound (limits.ts) is usually lower. */
export const MAX_THREADS = 256;
export const MAX_CONNECTIONS = 100_000;
export const MAX_DURATION_MS = 24 * 3_600_000;

const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const benchConfigSchema = z
  .object({
    url: z.string(),
    threads: z.number().int().min(1).max(MAX_THREADS),
    /**
     * Node worker threads that carry the threads (bench-runner/workerThreads.ts); absent or null:
     * one per core, at most `threads`. More than `threads` is refused.
     */
    workerThreads: z.number().int().min(1).max(MAX_THREADS).nullable().optional(),
    connections: z.number().int().min(1).max(MAX_CONNECTIONS),
    durationMs: z.number().int().min(1).max(MAX_DURATION_MS),
    /** Total requests per second over all connections; null for max mode (closed loop). */
    ratePerSec: z.number().positive().finite().max(10_000_000).nullable(),
    method: z.string().regex(tokenPattern, 'method must be an HTTP token such as GET or POST'),
    headers: z.array(
      z.tuple([
        z.string().regex(tokenPattern, 'header names are HTTP tokens'),
        z.string().refine((value) => !/[\r\n\0]/.test(value), 'header values may not contain CR, LF or NUL'),
      ]),
    ),
    body: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'body must be bytes').nullable(),
    timeoutMs: z.number().int().min(1).max(3_600_000),
    keepAlive: z.boolean(),
    /** Live sample period. */
    intervalMs: z.number().int().min(10).max(3_600_000),
    /**
     * Connection-rate mode (httperf): new connections on a schedule, `numCalls` requests on
     * each. Then `durationMs` bounds the run, `connections` is unused and `ratePerSec` is null.
     */
    connRate: connRateLoadSchema.nullable(),
    /**
     * https targets: certificate verification (on unless `insecure`), a private CA file to trust
     * besides the built-in roots, session resumption on reconnect. Absent: verify, no CA, resume.
     */
    tls: z
      .object({ insecure: z.boolean(), caFile: z.string().min(1).nullable(), resume: z.boolean() })
      .optional(),
    /**
     * Run shard `index` (0-based) of `count` of this load shape (bench-runner/shard.ts): the
     * connections (connection-rate mode: the scheduled connections) are split by index, each
     * keeping its place in the whole schedule. Absent or null: the whole load.
     */
    shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().min(1).max(MAX_SHARDS) }).nullable().optional(),
    /** The schedule starts at this wall-clock instant (epoch ms), or when ready if that has passed. */
    startAtEpochMs: z.number().int().positive().nullable().optional(),
  })
  .superRefine((config, ctx) => {
    if (config.workerThreads != null && config.workerThreads > config.threads) {
      ctx.addIssue({ code: 'custom', path: ['workerThreads'], message: `worker threads (${config.workerThreads}) must be at most threads (${config.threads}): each carries one thread or more` });
    }
    for (const message of shardProblems(config)) ctx.addIssue({ code: 'custom', path: ['shard'], message });
    if (config.connRate !== null) {
      if (config.ratePerSec !== null) {
        ctx.addIssue({ code: 'custom', path: ['ratePerSec'], message: 'a request rate (-R) cannot be combined with a connection rate' });
      }
      if (config.shard == null && config.connRate.numConns < config.threads) {
        ctx.addIssue({ code: 'custom', path: ['connRate', 'numConns'], message: `num-conns (${config.connRate.numConns}) must be at least threads (${config.threads})` });
      }
      const spacing = config.connRate.spacing;
      if (spacing.kind === 'uniform' && spacing.maxMs < spacing.minMs) {
        ctx.addIssue({ code: 'custom', path: ['connRate', 'spacing'], message: 'uniform spacing needs min <= max' });
      }
    } else if (config.shard == null && config.connections < config.threads) {
      ctx.addIssue({
        code: 'custom',
        path: ['connections'],
        message: `connections (${config.connections}) must be at least threads (${config.threads}): every thread needs a connection`,
      });
    }
    for (const problem of hostLimitProblems({ threads: config.threads, connections: config.connRate === null ? ownConnections(config) : null }, hostLimits())) {
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    }
    const target = parseTargetUrl(config.url);
    if (typeof target === 'string') ctx.addIssue({ code: 'custom', path: ['url'], message: target });
    else if (!target.tls && config.tls !== undefined && (config.tls.insecure || config.tls.caFile !== null)) {
      ctx.addIssue({ code: 'custom', path: ['tls'], message: `--ca and --insecure apply to https:// targets only, not to ${config.url}` });
    }
  });

export type BenchConfig = z.infer<typeof benchConfigSchema>;

/** The connections this process opens (rate and max mode): its shard's, or all. */
function ownConnections(config: Pick<BenchConfig, 'shard' | 'connections'>): number {
  const shard = config.shard;
  if (shard === null || shard === undefined || shard.index >= shard.count || shard.count > config.connections) return config.connections;
  return shardConnections(config.connections, shard).count;
}

type ShardFields = Pick<BenchConfig, 'shard' | 'threads' | 'connections' | 'connRate'>;

/** What is wrong with a shard of this load: an index past the count, more shards than connections, fewer connections than threads. */
function shardProblems(config: ShardFields): string[] {
  const shard = config.shard;
  if (shard === null || shard === undefined) return [];
  if (shard.index >= shard.count) return [`shard index ${shard.index} must be below the shard count ${shard.count} (0-based)`];
  const total = config.connRate === null ? config.connections : config.connRate.numConns;
  const what = config.connRate === null ? 'connections (-c)' : 'connections (--num-conns)';
  if (config.connRate !== null && config.connRate.spacing.kind !== 'fixed') {
    return ['shards of a random connection spacing (--period u/e) are not supported: each shard would draw its own schedule'];
  }
  if (shard.count > total) return [`${shard.count} shards need at least ${shard.count} ${what}, got ${total}`];
  const own = config.connRate === null ? shardConnections(total, shard).count : Math.ceil((total - shard.index) / shard.count);
  if (own < config.threads) return [`shard ${shard.index}/${shard.count} gets ${own} of the ${total} ${what}, fewer than its threads (${config.threads}): every thread needs a connection`];
  return [];
}

export const benchConfigDefaults = {
  threads: 2,
  connections: 10,
  durationMs: 10_000,
  ratePerSec: null,
  method: 'GET',
  headers: [],
  body: null,
  timeoutMs: 2000,
  keepAlive: true,
  intervalMs: 1000,
  connRate: null,
} satisfies Omit<BenchConfig, 'url'>;

export interface TargetAddress {
  host: string;
  port: number;
  /** Path and query as sent in the request line. */
  path: string;
  /** Value of the Host header. */
  hostHeader: string;
  /** https: connections speak TLS, with SNI from the host name. */
  tls: boolean;
}

/** Parses an http:// or https:// URL into where to connect; returns an error message for anything else. */
export function parseTargetUrl(text: string): TargetAddress | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `not a URL: "${text}" (expected http://host:port/path or https://…)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `not an http or https URL: "${text}" (expected http://host:port/path or https://…)`;
  if (url.username || url.password) return `credentials in the URL are not supported: "${text}" (send an Authorization header with -H)`;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const tls = url.protocol === 'https:';
  const port = url.port !== '' ? Number(url.port) : tls ? 443 : 80;
  return { host, port, path: `${url.pathname}${url.search}`, hostHeader: url.host, tls };
}

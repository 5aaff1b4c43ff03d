// The run record: one JSON document per run ("schema": "loadlab.run/1").
// Reports, charts and exports are functions of this record and nothing else.
// Field names here are a contract other parts read; add fields, never rename.
//
// Two views of the same document:
// - `MeasuredRunRecord`: what Loadlab's own runs write. Every figure is known.
// - `RunRecord`: any record the journal holds, including runs imported from other tools. A figure
//   the source did not contain is `null` ("unknown"), never invented: a wrk report without
//   --latency has no percentiles, an httperf report has no per-thread rates. Every measured record
//   is also a valid `RunRecord`; the journal, the lab, exports and the UI read `RunRecord`.
import { z } from 'zod';
import type { ConnectErrorCauses } from './connectCause.ts';
import { processTelemetryPointSchema } from './processTelemetry.ts';
import { buildIdentitySchema, logTailSchema, serverExitSchema, serverProfileSchema } from './serverProfile.ts';
import { serverTelemetrySampleSchema } from './serverTelemetry.ts';

export const RUN_SCHEMA = 'loadlab.run/1';

/** `errors.connect` by cause (common/connectCause.ts has the type and the mapping from error codes). */
export const connectErrorCausesSchema = z.object({
  refused: z.number().int().nonnegative(),
  reset: z.number().int().nonnegative(),
  timeout: z.number().int().nonnegative(),
  notResolved: z.number().int().nonnegative(),
  other: z.number().int().nonnegative(),
}) satisfies z.ZodType<ConnectErrorCauses>;

type NullableShape<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.ZodNullable<T[K]> };

/** The same fields, each of which may be null (unknown). */
function nullableFields<T extends Record<string, z.ZodType>>(shape: T): NullableShape<T> {
  const entries = Object.entries(shape).map(([key, field]) => [key, field.nullable()]);
  return Object.fromEntries(entries) as NullableShape<T>;
}

/** Latency statistics in microseconds, from an HdrHistogram. */
const latencyStatsShape = {
  min: z.number(),
  mean: z.number(),
  stdev: z.number(),
  max: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  p9999: z.number(),
  p99999: z.number(),
  /** Share of recorded values within mean ± stdev, in percent (wrk's "+/- Stdev"). */
  withinStdevPct: z.number(),
};
const latencyCount = z.number().int().nonnegative();

/** The percentiles a latency summary keeps, with their keys. */
export const SUMMARY_PERCENTILES = [
  [50, 'p50'],
  [75, 'p75'],
  [90, 'p90'],
  [99, 'p99'],
  [99.9, 'p999'],
  [99.99, 'p9999'],
  [99.999, 'p99999'],
] as const;
export type SummaryPercentileKey = (typeof SUMMARY_PERCENTILES)[number][1];
export const latencySummarySchema = z.object({ count: latencyCount, ...latencyStatsShape });
export type LatencySummary = z.infer<typeof latencySummarySchema>;
/** An imported run's latency: the count is known, any statistic may be unknown (null). */
export const partialLatencySummarySchema = z.object({ count: latencyCount, ...nullableFields(latencyStatsShape) });
export type PartialLatencySummary = z.infer<typeof partialLatencySummarySchema>;
/** No response at all: the count is 0 and every statistic is unknown (null), never 0. */
export const noLatencySummarySchema = z.object({
  count: z.literal(0),
  ...(Object.fromEntries(Object.keys(latencyStatsShape).map((key) => [key, z.null()])) as { [K in keyof typeof latencyStatsShape]: z.ZodNull }),
});
/** A measured run's latency: every statistic known, or (no response) none of them. */
export const measuredLatencySummarySchema = z.union([latencySummarySchema, noLatencySummarySchema]);
export type MeasuredLatencySummary = z.infer<typeof measuredLatencySummarySchema>;

/** The statistics when any response was measured; null when none was. */
export function knownLatency(summary: MeasuredLatencySummary): LatencySummary | null {
  return summary.mean === null ? null : summary;
}

/** The statistics of `latencyWithUnansweredUs`, in the order reports show them. */
export const BOUNDED_STATS = ['mean', 'p50', 'p75', 'p90', 'p99', 'p999', 'p9999', 'p99999', 'max'] as const;
export type BoundedStat = (typeof BOUNDED_STATS)[number];

/**
 * The corrected latency with every unanswered request counted as a right-censored value (its
 * latency is at least "run end, or when it was given up, − intended time"). A statistic listed in
 * `lowerBounds` can be moved by a censored value, so the true figure is at least this; the others
 * are exact (determined by answered requests alone). `common/censored.ts` computes it.
 */
export const latencyWithUnansweredSchema = z.object({
  /** Answered plus unanswered requests. */
  count: latencyCount,
  ...(Object.fromEntries(BOUNDED_STATS.map((key) => [key, z.number().nullable()])) as { [K in BoundedStat]: z.ZodNullable<z.ZodNumber> }),
  lowerBounds: z.array(z.enum(BOUNDED_STATS)),
});
export type LatencyWithUnanswered = z.infer<typeof latencyWithUnansweredSchema>;

/** Scheduled requests with no response when the run ended (docs/contracts.md, "Unanswered requests"). */
export const unansweredSchema = z.object({
  /** inFlightAtEnd + unsent + failed. */
  count: z.number().int().nonnegative(),
  /** Sent, then given up without a response: timed out, or the connection failed (read/write error). */
  failed: z.number().int().nonnegative(),
});
export type Unanswered = z.infer<typeof unansweredSchema>;

export const errorCountsSchema = z.object({
  connect: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  write: z.number().int().nonnegative(),
  timeout: z.number().int().nonnegative(),
  /** Responses whose status was not 2xx or 3xx. */
  status: z.number().int().nonnegative(),
  /**
   * Requests lost to a TLS failure (certificate rejected, handshake failed, protocol mismatch;
   * the breakdown is `summary.tls.errors`). Absent in records written before https was
   * supported, and in runs that used no TLS and met none: truthfully 0 (docs/contracts.md).
   */
  tls: z.number().int().nonnegative().optional(),
});
export type ErrorCounts = z.infer<typeof errorCountsSchema>;

/** Errors of every kind, summed. */
export function totalErrors(errors: ErrorCounts): number {
  return errors.connect + errors.read + errors.write + errors.timeout + errors.status + (errors.tls ?? 0);
}

/** Per-thread request rate samples (wrk's "Req/Sec" row), requests per second. */
const rateStatsShape = {
  mean: z.number(),
  stdev: z.number(),
  max: z.number(),
  /** Null in a run merged from shards: the per-thread samples are not kept, so it cannot be pooled. */
  withinStdevPct: z.number().nullable(),
  samples: z.number().int().nonnegative(),
};
export const rateStatsSchema = z.object(rateStatsShape);
export type RateStats = z.infer<typeof rateStatsSchema>;
/** An imported run's per-thread rates: wrk prints mean, stdev and max but not the sample count. */
export const partialRateStatsSchema = z.object(nullableFields(rateStatsShape));
export type PartialRateStats = z.infer<typeof partialRateStatsSchema>;

export const loadModeSchema = z.enum(['rate', 'max', 'conn-rate']);
export type LoadMode = z.infer<typeof loadModeSchema>;

/** How connection-rate mode spaces new connections (httperf's --rate and --period d/u/e). */
export const connectionSpacingSchema = z.discriminatedUnion('kind', [
  /** Evenly spaced: one every 1/ratePerSec s. */
  z.object({ kind: z.literal('fixed'), ratePerSec: z.number().positive() }),
  /** Gaps drawn uniformly from [minMs, maxMs]. */
  z.object({ kind: z.literal('uniform'), minMs: z.number().nonnegative(), maxMs: z.number().nonnegative() }),
  /** Gaps drawn from an exponential distribution (Poisson arrivals) with this mean. */
  z.object({ kind: z.literal('exponential'), meanMs: z.number().positive() }),
]);
export type ConnectionSpacing = z.infer<typeof connectionSpacingSchema>;

export const connRateLoadSchema = z.object({
  numConns: z.number().int().positive(),
  /** Requests sent one after another on each connection before it is closed. */
  numCalls: z.number().int().positive(),
  spacing: connectionSpacingSchema,
});
export type ConnRateLoad = z.infer<typeof connRateLoadSchema>;

export const loadSchema = z.object({
  mode: loadModeSchema,
  threads: z.number().int().positive(),
  /** Node worker threads that carried the threads (Loadlab's own runs since workers were pooled); absent: one per thread, or unknown (imports). */
  workerThreads: z.number().int().positive().optional(),
  connections: z.number().int().positive(),
  durationMs: z.number().int().positive(),
  /** Target total requests per second; null in max mode. */
  ratePerSec: z.number().positive().nullable(),
  keepAlive: z.boolean(),
  timeoutMs: z.number().int().positive(),
  intervalMs: z.number().int().positive(),
  /** Connection-rate mode only. In that mode `ratePerSec` is the mean connection rate. */
  connRate: connRateLoadSchema.optional(),
});
export type Load = z.infer<typeof loadSchema>;

// TLS (https targets).

/** How the load generator made its TLS connections. */
export const tlsSettingsSchema = z.object({
  /** Certificate verification was off (`--insecure`): the report says so loudly. */
  insecure: z.boolean(),
  /** A private CA trusted besides the built-in roots (`--ca FILE`), as given; null without one. */
  caFile: z.string().nullable(),
  /** A reconnect offered the previous session of its connection (session resumption). */
  resume: z.boolean(),
});
export type TlsSettings = z.infer<typeof tlsSettingsSchema>;

/** TLS failures by kind; each counts the requests it cost, as `errors.tls` does. */
export const tlsErrorKindsSchema = z.object({
  /** The server's certificate was rejected: expired, wrong host name, untrusted issuer. */
  certificate: z.number().int().nonnegative(),
  /** The handshake failed otherwise (closed or reset during it, alert, no common cipher). */
  handshake: z.number().int().nonnegative(),
  /** One side did not speak TLS: https at a plain port, or http at a TLS port. */
  protocol: z.number().int().nonnegative(),
});
export type TlsErrorKinds = z.infer<typeof tlsErrorKindsSchema>;
export type TlsErrorKind = keyof TlsErrorKinds;

export const tlsSummarySchema = z.object({
  /** Handshakes completed, and how many of them resumed a session. */
  handshakes: z.number().int().nonnegative(),
  resumed: z.number().int().nonnegative(),
  /** TCP connected → handshake done; null when no handshake completed. */
  handshakeUs: latencySummarySchema.nullable(),
  /** Negotiated protocol ("TLSv1.3") → handshakes. */
  protocols: z.record(z.string(), z.number().int().nonnegative()),
  errors: tlsErrorKindsSchema,
  /** The first failure's message of each kind, as an example; null when none. */
  errorExamples: z.object({ certificate: z.string().nullable(), handshake: z.string().nullable(), protocol: z.string().nullable() }),
});
export type TlsSummary = z.infer<typeof tlsSummarySchema>;

export const targetSchema = z.object({
  url: z.string(),
  method: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  bodyBytes: z.number().int().nonnegative(),
  /** https targets only: how the TLS connections were made. */
  tls: tlsSettingsSchema.optional(),
});
export type Target = z.infer<typeof targetSchema>;

export const serverInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unknown') }),
  z.object({ kind: z.literal('builtin'), model: z.string(), settings: z.record(z.string(), z.unknown()) }),
  /** A process Loadlab did not start; `pid` when it was found (by PID or by its listening port) and watched. */
  z.object({ kind: z.literal('external'), command: z.string(), pid: z.number().int().positive().optional() }),
  /** A server Loadlab started for the run (a profile, or `bench --server-cmd`) and stopped after it. */
  z.object({
    kind: z.literal('launched'),
    /** The profile it was started from; null for `--server-cmd`. */
    profile: serverProfileSchema.nullable(),
    command: z.array(z.string()),
    shell: z.boolean(),
    pid: z.number().int().positive(),
    build: buildIdentitySchema,
    /** Its stdout and stderr, the last 1 MiB. */
    log: logTailSchema,
    /** Set when it exited while the run was going on (the run was stopped there). */
    exit: serverExitSchema.nullable(),
  }),
]);
export type ServerInfo = z.infer<typeof serverInfoSchema>;

export const envSchema = z.object({
  cpuModel: z.string(),
  cores: z.number().int().nonnegative(),
  os: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  app: z.string(),
});
export type RunEnv = z.infer<typeof envSchema>;

export const seriesPointSchema = z.object({
  /** End of the interval, ms since the run started. */
  tMs: z.number(),
  requests: z.number().int().nonnegative(),
  /** Errors of every kind in this interval (the sum of `errorsByKind`). */
  errors: z.number().int().nonnegative(),
  /** This interval's errors by kind; absent in records written before it existed. */
  errorsByKind: errorCountsSchema.optional(),
  bytes: z.number().int().nonnegative(),
  /** Percentiles of the responses completed in this interval (corrected in rate mode), µs; null when none. */
  latencyUs: z
    .object({ p50: z.number(), p90: z.number(), p99: z.number(), max: z.number() })
    .nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** Errors by httperf's kinds (connection-rate mode). */
export const connErrorKindsSchema = z.object({
  clientTimeout: z.number().int().nonnegative(),
  connRefused: z.number().int().nonnegative(),
  connReset: z.number().int().nonnegative(),
  fdUnavail: z.number().int().nonnegative(),
  addrUnavail: z.number().int().nonnegative(),
  other: z.number().int().nonnegative(),
});
export type ConnErrorKinds = z.infer<typeof connErrorKindsSchema>;

/** Connection-rate mode figures; times are from each connection's scheduled start. */
export const connRateSummarySchema = z.object({
  /** Connections the schedule started / that ended after all their calls were answered. */
  started: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  peakConcurrent: z.number().int().nonnegative(),
  /** Longest run of connections opened back to back in one event-loop turn. */
  maxConnectBurst: z.number().int().nonnegative(),
  /** Scheduled start → connected. */
  connectUs: latencySummarySchema,
  /** Scheduled start → closed, for completed connections. */
  lifetimeUs: latencySummarySchema,
  /** Request sent → first byte of the reply. */
  responseUs: latencySummarySchema,
  /** First byte → last byte of the reply. */
  transferUs: latencySummarySchema,
  requestBytes: z.number().int().nonnegative(),
  /** Totals over all replies. */
  replyHeaderBytes: z.number().int().nonnegative(),
  replyContentBytes: z.number().int().nonnegative(),
  bytesSent: z.number().int().nonnegative(),
  /** Replies per second in 5 s windows, as httperf samples them. */
  replyRate: z.object({ min: z.number(), mean: z.number(), max: z.number(), stdev: z.number(), samples: z.number().int().nonnegative() }),
  errors: connErrorKindsSchema,
  /** https only: TCP connected → TLS handshake done (`connectUs` then ends at the TCP connect). */
  tlsHandshakeUs: latencySummarySchema.optional(),
  /** CPU the generator process used, s. */
  cpuUserS: z.number().nonnegative(),
  cpuSystemS: z.number().nonnegative(),
});
export type ConnRateSummary = z.infer<typeof connRateSummarySchema>;

export const summarySchema = z.object({
  /** Completed responses (any status). */
  requests: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  reqPerSec: z.number().nonnegative(),
  bytesRead: z.number().int().nonnegative(),
  transferPerSec: z.number().nonnegative(),
  /**
   * Answered requests only (what wrk2 reports): corrected latency in rate mode (from the intended
   * start); plain latency in max mode. With no response every statistic is null.
   */
  latencyUs: measuredLatencySummarySchema,
  /** Rate mode only: latency from the actual send. */
  uncorrectedLatencyUs: measuredLatencySummarySchema.nullable(),
  errors: errorCountsSchema,
  statusCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** Connections the server closed after a complete response (not errors). */
  serverCloses: z.number().int().nonnegative(),
  /** Requests sent but not answered when the run ended. */
  inFlightAtEnd: z.number().int().nonnegative(),
  /** Rate mode only: requests whose intended time fell inside the run but were never sent. */
  unsent: z.number().int().nonnegative(),
  threadReqPerSec: rateStatsSchema,
  /** Connection-rate mode only. */
  connRate: connRateSummarySchema.optional(),
  /** TCP connects the generator started (reconnects included); absent where not counted (imports, older records). */
  connects: z.number().int().nonnegative().optional(),
  /**
   * Rate and max mode: responses that arrived after the duration, while the run waited for the
   * requests in flight (docs/contracts.md, "A run drains"). In `requests`, not in `reqPerSec`.
   * Absent in older records (which did not wait).
   */
  drained: z.number().int().nonnegative().optional(),
  /** Rate and max mode: `errors.connect` by cause (absent from older records and imports). */
  connectErrorCauses: connectErrorCausesSchema.optional(),
  // The four fields below are absent in records written before they existed (read as unknown).
  /**
   * Requests the load meant to see answered: answered + unanswered. Rate mode: the schedule's
   * slots whose intended time fell in the run. Max mode: requests sent. Connection-rate mode:
   * calls of the connections started (num-calls each). Null when nothing can be counted.
   */
  scheduled: z.number().int().nonnegative().nullable().optional(),
  /** `requests / scheduled`, 0 to 1; null when `scheduled` is 0 or null. */
  completion: z.number().min(0).max(1).nullable().optional(),
  /** Scheduled requests with no response at the end; null in connection-rate mode. */
  unanswered: unansweredSchema.nullable().optional(),
  /** Corrected latency with the unanswered requests as censored values; null when none is unanswered. */
  latencyWithUnansweredUs: latencyWithUnansweredSchema.nullable().optional(),
  /** https targets, or a run that met a TLS failure. */
  tls: tlsSummarySchema.optional(),
});
export type RunSummary = z.infer<typeof summarySchema>;

/** Where an imported run came from: the tool, its original text, the file and when it was read. */
export const runSourceSchema = z.object({
  tool: z.string(),
  text: z.string(),
  file: z.string().optional(),
  importedAt: z.string().optional(),
});
export type RunSource = z.infer<typeof runSourceSchema>;

/**
 * The built-in server's telemetry during a run against it, one point per telemetry interval,
 * without the interval histograms; `runTMs` puts it on the run's time axis (ms since the start).
 */
export const serverSeriesPointSchema = serverTelemetrySampleSchema.omit({ histograms: true }).extend({ runTMs: z.number() });
export type ServerSeriesPoint = z.infer<typeof serverSeriesPointSchema>;

/** A point of `serverSeries`: the built-in server's own telemetry, or a process's (`kind: 'process'`). */
export const anyServerSeriesPointSchema = z.union([processTelemetryPointSchema, serverSeriesPointSchema]);
export type AnyServerSeriesPoint = z.infer<typeof anyServerSeriesPointSchema>;

/** The built-in server's points of a series (the others are process telemetry). */
export function builtinServerPoints(points: readonly AnyServerSeriesPoint[]): ServerSeriesPoint[] {
  return points.filter((point): point is ServerSeriesPoint => !('kind' in point));
}

/** Connection-rate mode's phase times (as in `summary.connRate`), HdrHistograms compressed base64, µs. */
export const connRateHistogramsSchema = z.object({
  connectUs: z.string(),
  lifetimeUs: z.string(),
  responseUs: z.string(),
  transferUs: z.string(),
  /** https only. */
  tlsHandshakeUs: z.string().optional(),
});
export type ConnRateHistograms = z.infer<typeof connRateHistogramsSchema>;

/**
 * A shard's part in a load split over several generators (`bench --shard I/N`). The record's
 * `load` is what this shard ran (its connections, its share of the rate); `whole` is the load
 * shape all N shards make together, so a merge can check that the records belong together.
 */
export const shardInfoSchema = z.object({
  /** 0-based, as Kubernetes' JOB_COMPLETION_INDEX. */
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  /** The common start instant asked for (`--start-at`), epoch ms; null without one. */
  startAtMs: z.number().nullable(),
  /** How long after `startAtMs` this shard's schedule began (its time zero), ms; null without `--start-at`. */
  latenessMs: z.number().nonnegative().nullable(),
  /** The generator's host name (a pod's name on Kubernetes). */
  host: z.string(),
  whole: z.object({
    connections: z.number().int().positive(),
    /** Total requests (connection-rate mode: connections) per second; null in max mode. */
    ratePerSec: z.number().positive().nullable(),
  }),
});
export type ShardInfo = z.infer<typeof shardInfoSchema>;

/** A run merged from shard records (`journal merge`): which shards went in, which did not. */
export const mergeInfoSchema = z.object({
  /** Some shard was missing or failed: the figures cover only the shards that have a run (merged or failed). */
  partial: z.boolean(),
  count: z.number().int().positive(),
  shards: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      /** The shard's own run record; null for a missing shard. */
      runId: z.string().nullable(),
      host: z.string().nullable(),
      latenessMs: z.number().nonnegative().nullable(),
      /** merged: in the figures; failed: its run stopped early (in the figures, as far as it ran, only with --partial); missing: no record. */
      status: z.enum(['merged', 'failed', 'missing']),
    }),
  ),
  /** The common start instant of the shards, epoch ms; null when they had none. */
  startAtMs: z.number().nullable(),
});
export type MergeInfo = z.infer<typeof mergeInfoSchema>;

/** A run Loadlab measured itself: every figure is known. */
export const measuredRunRecordSchema = z.object({
  schema: z.literal(RUN_SCHEMA),
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** True when the run was stopped before its duration ended. */
  stoppedEarly: z.boolean(),
  target: targetSchema,
  load: loadSchema,
  server: serverInfoSchema,
  env: envSchema,
  summary: summarySchema,
  histograms: z.object({
    /** HdrHistogram, compressed base64, µs. */
    correctedUs: z.string(),
    uncorrectedUs: z.string().nullable(),
    /** The unanswered requests' censored values (end or give-up − intended), µs; absent in older records. */
    unansweredUs: z.string().nullable().optional(),
    /** https only: TLS handshake times (TCP connected → handshake done), initial and after reconnects. */
    tlsHandshakeUs: z.string().optional(),
    /** Connection-rate mode: the histograms of `summary.connRate`'s phases, so shards add exactly; absent in older records. */
    connRateUs: connRateHistogramsSchema.optional(),
  }),
  series: z.array(seriesPointSchema),
  /** Runs against the built-in server, or a process Loadlab watched (launched or found by PID/port). */
  serverSeries: z.array(anyServerSeriesPointSchema).optional(),
  source: runSourceSchema.optional(),
  /** Runs made with `bench --shard I/N`: this record is one part of a larger load. */
  shard: shardInfoSchema.optional(),
  /** Runs merged from shard records. */
  merge: mergeInfoSchema.optional(),
});
export type MeasuredRunRecord = z.infer<typeof measuredRunRecordSchema>;

// The journal's view: the fields an imported report may lack are nullable (null = unknown).

export const partialLoadSchema = loadSchema.extend(
  nullableFields(loadSchema.pick({ mode: true, threads: true, connections: true, durationMs: true, keepAlive: true, timeoutMs: true, intervalMs: true }).shape),
);
export type PartialLoad = z.infer<typeof partialLoadSchema>;

export const partialConnRateSummarySchema = connRateSummarySchema.extend({
  ...nullableFields(
    connRateSummarySchema.pick({
      maxConnectBurst: true,
      requestBytes: true,
      replyHeaderBytes: true,
      replyContentBytes: true,
      bytesSent: true,
      cpuUserS: true,
      cpuSystemS: true,
    }).shape,
  ),
  connectUs: partialLatencySummarySchema,
  lifetimeUs: partialLatencySummarySchema,
  responseUs: partialLatencySummarySchema,
  transferUs: partialLatencySummarySchema,
});
export type PartialConnRateSummary = z.infer<typeof partialConnRateSummarySchema>;

export const partialSummarySchema = summarySchema.extend({
  ...nullableFields(
    summarySchema.pick({ bytesRead: true, transferPerSec: true, statusCounts: true, serverCloses: true, inFlightAtEnd: true, unsent: true }).shape,
  ),
  latencyUs: partialLatencySummarySchema,
  uncorrectedLatencyUs: partialLatencySummarySchema.nullable(),
  threadReqPerSec: partialRateStatsSchema.nullable(),
  connRate: partialConnRateSummarySchema.optional(),
  /** Null when the source counted no errors at all (an HdrHistogram log holds latencies only). */
  errors: errorCountsSchema.nullable(),
});
export type PartialRunSummary = z.infer<typeof partialSummarySchema>;

/** Any record in the journal, measured or imported. */
export const runRecordSchema = measuredRunRecordSchema.extend({
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stoppedEarly: z.boolean().nullable(),
  /** The method is null when the source does not name it (an HdrHistogram log). */
  target: targetSchema.extend({ method: z.string().nullable() }),
  load: partialLoadSchema,
  env: envSchema.nullable(),
  /** A point's errors are null when the source did not count them. */
  series: z.array(seriesPointSchema.extend({ errors: z.number().int().nonnegative().nullable() })),
  summary: partialSummarySchema,
  histograms: z.object({
    /** Null when the source had no latency distribution to rebuild one from. */
    correctedUs: z.string().nullable(),
    uncorrectedUs: z.string().nullable(),
    unansweredUs: z.string().nullable().optional(),
    tlsHandshakeUs: z.string().optional(),
    connRateUs: connRateHistogramsSchema.optional(),
  }),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

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
import { processTelemetryPointSchema } from './processTelemetry.ts';
import { buildIdentitySchema, logTailSchema, serverExitSchema, serverProfileSchema } from './serverProfile.ts';
import { serverTelemetrySampleSchema } from './serverTelemetry.ts';

export const RUN_SCHEMA = 'loadlab.run/1';

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

export const errorCountsSchema = z.object({
  connect: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  write: z.number().int().nonnegative(),
  timeout: z.number().int().nonnegative(),
  /** Responses whose status was not 2xx or 3xx. */
  status: z.number().int().nonnegative(),
});
export type ErrorCounts = z.infer<typeof errorCountsSchema>;

/** Errors of every kind, summed. */
export function totalErrors(errors: ErrorCounts): number {
  return errors.connect + errors.read + errors.write + errors.timeout + errors.status;
}

/** Per-thread request rate samples (wrk's "Req/Sec" row), requests per second. */
const rateStatsShape = {
  mean: z.number(),
  stdev: z.number(),
  max: z.number(),
  withinStdevPct: z.number(),
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

export const targetSchema = z.object({
  url: z.string(),
  method: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  bodyBytes: z.number().int().nonnegative(),
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
  errors: z.number().int().nonnegative(),
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
  /** Corrected latency in rate mode (from the intended start); plain latency in max mode. */
  latencyUs: latencySummarySchema,
  /** Rate mode only: latency from the actual send. */
  uncorrectedLatencyUs: latencySummarySchema.nullable(),
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
  }),
  series: z.array(seriesPointSchema),
  /** Runs against the built-in server, or a process Loadlab watched (launched or found by PID/port). */
  serverSeries: z.array(anyServerSeriesPointSchema).optional(),
  source: runSourceSchema.optional(),
});
export type MeasuredRunRecord = z.infer<typeof measuredRunRecordSchema>;

// The journal's view: the fields an imported report may lack are nullable (null = unknown).

export const partialLoadSchema = loadSchema.extend(
  nullableFields(loadSchema.pick({ threads: true, connections: true, durationMs: true, keepAlive: true, timeoutMs: true, intervalMs: true }).shape),
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
});
export type PartialRunSummary = z.infer<typeof partialSummarySchema>;

/** Any record in the journal, measured or imported. */
export const runRecordSchema = measuredRunRecordSchema.extend({
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stoppedEarly: z.boolean().nullable(),
  load: partialLoadSchema,
  env: envSchema.nullable(),
  summary: partialSummarySchema,
  histograms: z.object({
    /** Null when the source had no latency distribution to rebuild one from. */
    correctedUs: z.string().nullable(),
    uncorrectedUs: z.string().nullable(),
  }),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

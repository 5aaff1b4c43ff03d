// What the built-in server reports about itself, one sample per interval: the server-side half
// of a run (queue wait versus service time, per model) on the same time axis as client latency.
// server-core produces it; lab/ forwards it and the journal keeps it in the run's series.
import { z } from 'zod';

/** The concurrency models of the built-in server (see server-core/). */
export const serverModels = ['single', 'thread-per-request', 'pool-shared', 'pool-per-worker', 'event-loop'] as const;
export const serverModelSchema = z.enum(serverModels);
export type ServerModel = z.infer<typeof serverModelSchema>;

const count = z.number().int().nonnegative();

/** Percentiles of the durations recorded in one interval, µs; null when none were recorded. */
export const durationSummaryUsSchema = z.object({
  count,
  mean: z.number().nonnegative(),
  p50: z.number().nonnegative(),
  p90: z.number().nonnegative(),
  p99: z.number().nonnegative(),
  max: z.number().nonnegative(),
});
export type DurationSummaryUs = z.infer<typeof durationSummaryUsSchema>;

export const serverTelemetrySampleSchema = z.object({
  /** 0-based interval number since the server started listening. */
  seq: count,
  model: serverModelSchema,
  /** End of the interval: ms since the server started listening, and epoch ms. */
  tMs: z.number().nonnegative(),
  epochMs: z.number().nonnegative(),
  /** Length of this interval as measured (a blocked server thread makes it longer than asked). */
  intervalMs: z.number().nonnegative(),
  connections: z.object({
    /** Open now, including those waiting for their turn (`single`). */
    open: count,
    /** Accepted in this interval, and since the start. */
    accepted: count,
    acceptedTotal: count,
    /** Accepted but not yet taken by the server (`single` only; 0 elsewhere). */
    waiting: count,
  }),
  requests: z.object({
    /** Responses completed in this interval, and since the start. */
    served: count,
    servedTotal: count,
    /** Requests received and not yet answered, now. */
    inFlight: count,
    /** Requests refused before routing (malformed, too large, timed out) in this interval. */
    rejected: count,
    /** Status code → responses in this interval, rejections included. */
    statusCounts: z.record(z.string(), count),
    /**
     * Jobs dropped before they started because their connection had closed, in this interval and
     * since the start (added later: absent in older records).
     */
    abandoned: count.optional(),
    abandonedTotal: count.optional(),
  }),
  queues: z.object({
    /** Jobs waiting for a handler, now, summed over the queues. */
    depth: count,
    /** Per queue: one per handler in `pool-per-worker`, one otherwise (none in `event-loop`). */
    depths: z.array(count),
  }),
  /** From a job's arrival to the moment a handler took it (thread start included in `thread-per-request`). */
  queueWaitUs: durationSummaryUsSchema.nullable(),
  /** From the moment a handler took a job to the moment it finished it. */
  serviceUs: durationSummaryUsSchema.nullable(),
  /** The same two distributions as compressed base64 HdrHistograms (µs), so intervals add exactly. */
  histograms: z.object({ queueWaitUs: z.string(), serviceUs: z.string() }),
  /**
   * A server with TLS (`--tls`) only: handshakes completed and failed in this interval, and
   * their times (TCP accepted → secure).
   */
  tls: z.object({ handshakes: count, failures: count, handshakeUs: durationSummaryUsSchema.nullable() }).optional(),
  handlers: z.object({
    /** Handler threads alive now (0 for the models that run handlers on the server thread). */
    threads: count,
    /** Jobs being handled now, and the most at once during the interval. */
    busy: count,
    busyPeak: count,
    /** Handler threads started in this interval, and since the start. */
    threadsStarted: count,
    threadsStartedTotal: count,
    /** Handler threads started per second over this interval (added later: absent in older records). */
    threadsStartedPerSec: z.number().nonnegative().optional(),
    /**
     * From asking for a handler thread to its first message (ready to take a job), µs, for the
     * threads that became ready in this interval; null when none did (added later: absent in
     * older records). A thread-per-request server pays this once per request.
     */
    threadStartUs: durationSummaryUsSchema.nullable().optional(),
    /** Handler threads that died (exit or uncaught error) in this interval, and since the start. */
    deaths: count,
    deathsTotal: count,
  }),
  /** How late the server thread's event loop ran its timers (10 ms sampling), µs. */
  eventLoopDelayUs: z.object({ p50: z.number().nonnegative(), p99: z.number().nonnegative(), max: z.number().nonnegative() }),
  /** The whole process, all threads: CPU over the interval (100 = one core) and resident memory. */
  process: z.object({
    cpuPct: z.number().nonnegative(),
    rssBytes: count,
    /** Cores the process may use (os.availableParallelism; added later: absent in older records). */
    cores: count.optional(),
  }),
});
export type ServerTelemetrySample = z.infer<typeof serverTelemetrySampleSchema>;

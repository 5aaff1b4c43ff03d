// Messages between the host and the load worker threads. One snapshot per interval per
// worker, never a message per request (DESIGN.md, "Threads").
import type { ConnectErrorCauses } from '../common/connectCause.ts';
import type { ConnErrorKinds, ErrorCounts, LoadMode, TlsErrorKinds } from '../common/runRecord.ts';

/** https targets: how a worker makes its TLS connections (bench-runner/tlsJob.ts). */
export interface TlsJob {
  /** SNI and the name the certificate must carry; null for an IP literal (checked against IP SANs). */
  servername: string | null;
  /** PEM of a private CA trusted besides the built-in roots; null without one. */
  caPem: string | null;
  /** Certificate verification off (`--insecure`). */
  insecure: boolean;
  /** Offer a connection's previous session when it reconnects. */
  resume: boolean;
}

/** A worker's TLS figures over one interval (deltas). */
export interface TlsIntervalCounts {
  handshakes: number;
  resumed: number;
  /** Handshake times (TCP connected → secure), compressed base64, µs. */
  handshakeUs: string;
  protocols: Record<string, number>;
  errors: TlsErrorKinds;
  /** First message of each kind this interval, as an example. */
  examples: { certificate: string | null; handshake: string | null; protocol: string | null };
}

/** What one worker thread needs to run its share of the connections. */
export interface WorkerJob {
  host: string;
  port: number;
  request: Uint8Array;
  /** The request is HEAD: responses carry no body. */
  expectNoBody: boolean;
  mode: Exclude<LoadMode, 'conn-rate'>;
  /** Global index of this worker's first connection (for the rate schedule's phases). */
  firstConnectionIndex: number;
  connections: number;
  totalConnections: number;
  /** Total rate over all workers; null in max mode. */
  ratePerSec: number | null;
  durationMs: number;
  timeoutMs: number;
  keepAlive: boolean;
  intervalMs: number;
  /** https targets; null for http. */
  tls: TlsJob | null;
}

/** Connection-rate mode: this worker's share of the scheduled connections. */
export interface ConnRateJob {
  mode: 'conn-rate';
  host: string;
  port: number;
  request: Uint8Array;
  expectNoBody: boolean;
  /** Intended open times of this worker's connections, ms from the run start. */
  offsetsMs: Float64Array;
  numCalls: number;
  /** Upper bound on the run; it ends sooner when every connection is done. */
  durationMs: number;
  timeoutMs: number;
  intervalMs: number;
  tls: TlsJob | null;
}

/**
 * `jobs`: the run's threads (wrk's `-t`) this worker thread carries, each with its own
 * connections, schedule, recorder and snapshots; a Node worker thread is a whole V8 isolate, so
 * a run uses at most one per core and gives each several (bench-runner/workerThreads.ts).
 */
export type HostToWorker =
  | { type: 'start'; jobs: Array<WorkerJob | ConnRateJob>; startEpochMs: number }
  | { type: 'stop' };

/** Counters over one interval (deltas, not running totals). */
export interface IntervalCounts {
  requests: number;
  bytes: number;
  errors: ErrorCounts;
  /** Status code → responses. */
  statusCounts: Record<string, number>;
  serverCloses: number;
  /** TCP connects started: first connections, reconnects and retries. */
  connects: number;
  /** Requests sent and given up without a response (timed out, connection failed). */
  failed: number;
}

export interface SnapshotMessage {
  type: 'snapshot';
  /** 0-based interval number; the final snapshot carries the last, possibly short, interval. */
  seq: number;
  /** When the interval ended, epoch ms. */
  endEpochMs: number;
  counts: IntervalCounts;
  /** Interval histograms, compressed base64, µs. */
  correctedUs: string;
  uncorrectedUs: string | null;
  /** Censored latencies of this interval's unanswered requests (given up, or unanswered at the end), µs. */
  unansweredUs: string;
  /** This thread's request rate measured every 100 ms in the interval, req/s. */
  rateSamples: number[];
  /**
   * This thread's requests due so far (rate mode: the schedule's slots up to now; max mode: sent)
   * and awaiting a response now, for the live completion; null in connection-rate mode.
   */
  gauges: { due: number; inFlight: number } | null;
  /** Present on the worker's last snapshot only. */
  /** `drained`: responses that arrived after the duration, while the run waited for those in flight. */
  final: null | { inFlightAtEnd: number; unsent: number; drained?: number; connectCauses?: ConnectErrorCauses };
  /** Connection-rate mode, on the final snapshot only. */
  connRate: ConnRateExtras | null;
  /** https targets, or TLS met on an http target; null otherwise. */
  tls: TlsIntervalCounts | null;
}

/** A connection-rate worker's connection figures; histograms compressed base64, µs. */
export interface ConnRateExtras {
  started: number;
  completed: number;
  peakConcurrent: number;
  maxConnectBurst: number;
  connectUs: string;
  lifetimeUs: string;
  responseUs: string;
  transferUs: string;
  replyHeaderBytes: number;
  replyContentBytes: number;
  bytesSent: number;
  errors: ConnErrorKinds;
  /** https only: TCP connected → TLS handshake done, µs; null for http. */
  tlsHandshakeUs: string | null;
}

export function emptyConnErrorKinds(): ConnErrorKinds {
  return { clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 };
}

export type WorkerToHost = { type: 'ready' } | SnapshotMessage | { type: 'fatal'; message: string };

// Merges the worker threads' interval snapshots: totals for the run, and one series point per
// interval once every worker has reported it. HdrHistograms add exactly, so merged
// percentiles are the percentiles of all responses, not an average of per-thread figures.
import type { JsHistogram } from 'hdr-histogram-js';
import { emptyConnectCauses, type ConnectCause, type ConnectErrorCauses } from '../common/connectCause.ts';
import { emptyErrorCounts } from '../common/errorCounts.ts';
import { totalErrors, type ConnErrorKinds, type ErrorCounts, type SeriesPoint } from '../common/runRecord.ts';
import { addEncoded, createLatencyHistogram } from '../common/histogram.ts';
import { emptyConnErrorKinds, type ConnRateExtras, type IntervalCounts, type SnapshotMessage } from './messages.ts';
import { TlsTotals } from './tlsTotals.ts';

interface PendingInterval {
  reports: number;
  endEpochMs: number;
  requests: number;
  bytes: number;
  errors: ErrorCounts;
  latency: JsHistogram;
  /** Summed over the workers' reports; null once a worker reported none. */
  gauges: { due: number; inFlight: number } | null;
}

/** Connection-rate figures merged over the workers. */
export class ConnRateTotals {
  started = 0;
  completed = 0;
  /** Sum of the workers' peaks: exact with one thread, an upper bound with more. */
  peakConcurrent = 0;
  maxConnectBurst = 0;
  replyHeaderBytes = 0;
  replyContentBytes = 0;
  bytesSent = 0;
  readonly errors: ConnErrorKinds = emptyConnErrorKinds();
  readonly connect = createLatencyHistogram();
  readonly lifetime = createLatencyHistogram();
  readonly response = createLatencyHistogram();
  readonly transfer = createLatencyHistogram();
  /** https only. */
  tlsHandshake: JsHistogram | null = null;

  add(extras: ConnRateExtras): void {
    this.started += extras.started;
    this.completed += extras.completed;
    this.peakConcurrent += extras.peakConcurrent;
    this.maxConnectBurst = Math.max(this.maxConnectBurst, extras.maxConnectBurst);
    this.replyHeaderBytes += extras.replyHeaderBytes;
    this.replyContentBytes += extras.replyContentBytes;
    this.bytesSent += extras.bytesSent;
    for (const kind of Object.keys(this.errors) as Array<keyof ConnErrorKinds>) this.errors[kind] += extras.errors[kind];
    addEncoded(this.connect, extras.connectUs);
    addEncoded(this.lifetime, extras.lifetimeUs);
    addEncoded(this.response, extras.responseUs);
    addEncoded(this.transfer, extras.transferUs);
    if (extras.tlsHandshakeUs !== null) {
      this.tlsHandshake ??= createLatencyHistogram();
      addEncoded(this.tlsHandshake, extras.tlsHandshakeUs);
    }
  }
}

export class RunAggregator {
  readonly corrected = createLatencyHistogram();
  readonly uncorrected: JsHistogram | null;
  /** Unanswered requests' censored latencies, µs (common/censored.ts). */
  readonly unanswered = createLatencyHistogram();
  requests = 0;
  /** Requests sent and given up without a response. */
  failed = 0;
  bytes = 0;
  serverCloses = 0;
  connects = 0;
  inFlightAtEnd = 0;
  /** Responses that arrived in the drain after the duration (counted, but not in req/s). */
  drained = 0;
  unsent = 0;
  lastEndEpochMs: number;
  readonly errors: ErrorCounts = emptyErrorCounts();
  readonly connectCauses: ConnectErrorCauses = emptyConnectCauses();
  readonly statusCounts: Record<string, number> = {};
  readonly rateSamples: number[] = [];
  readonly series: SeriesPoint[] = [];
  /** Set once a worker reports TLS figures. */
  tls: TlsTotals | null = null;
  /** Set once a connection-rate worker reports. */
  connRate: ConnRateTotals | null = null;
  private readonly pending = new Map<number, PendingInterval>();
  /** The due / in-flight gauges of each emitted point (not part of the record). */
  private readonly pointGauges = new WeakMap<SeriesPoint, { due: number; inFlight: number }>();
  private finals = 0;

  constructor(
    private readonly workers: number,
    private readonly startEpochMs: number,
    keepUncorrected: boolean,
  ) {
    this.uncorrected = keepUncorrected ? createLatencyHistogram() : null;
    this.lastEndEpochMs = startEpochMs;
  }

  /** The due / in-flight gauges at an emitted point's end; null when a worker did not report them. */
  gaugesOf(point: SeriesPoint): { due: number; inFlight: number } | null {
    return this.pointGauges.get(point) ?? null;
  }

  get finished(): boolean {
    return this.finals === this.workers;
  }

  /** Adds one snapshot; returns the series points it completed, in order. */
  add(snapshot: SnapshotMessage): SeriesPoint[] {
    this.addCounts(snapshot.counts);
    addEncoded(this.corrected, snapshot.correctedUs);
    addEncoded(this.unanswered, snapshot.unansweredUs);
    if (this.uncorrected && snapshot.uncorrectedUs !== null) addEncoded(this.uncorrected, snapshot.uncorrectedUs);
    for (const sample of snapshot.rateSamples) this.rateSamples.push(sample);
    this.lastEndEpochMs = Math.max(this.lastEndEpochMs, snapshot.endEpochMs);

    const interval = this.pending.get(snapshot.seq) ?? this.openInterval(snapshot.seq);
    interval.reports++;
    interval.endEpochMs = Math.max(interval.endEpochMs, snapshot.endEpochMs);
    interval.requests += snapshot.counts.requests;
    interval.bytes += snapshot.counts.bytes;
    addErrors(interval.errors, snapshot.counts.errors);
    interval.gauges = interval.gauges && snapshot.gauges ? { due: interval.gauges.due + snapshot.gauges.due, inFlight: interval.gauges.inFlight + snapshot.gauges.inFlight } : null;
    addEncoded(interval.latency, snapshot.correctedUs);

    if (snapshot.connRate) {
      this.connRate ??= new ConnRateTotals();
      this.connRate.add(snapshot.connRate);
    }
    if (snapshot.tls) {
      this.tls ??= new TlsTotals();
      this.tls.add(snapshot.tls);
    }
    if (snapshot.final) {
      this.finals++;
      this.inFlightAtEnd += snapshot.final.inFlightAtEnd;
      this.drained += snapshot.final.drained ?? 0;
      this.unsent += snapshot.final.unsent;
      const causes = snapshot.final.connectCauses;
      if (causes !== undefined) for (const cause of Object.keys(causes) as ConnectCause[]) this.connectCauses[cause] += causes[cause];
    }
    return this.completeIntervals();
  }

  private openInterval(seq: number): PendingInterval {
    const interval: PendingInterval = { reports: 0, endEpochMs: 0, requests: 0, bytes: 0, errors: emptyErrorCounts(), latency: createLatencyHistogram(), gauges: { due: 0, inFlight: 0 } };
    this.pending.set(seq, interval);
    return interval;
  }

  private addCounts(counts: IntervalCounts): void {
    this.requests += counts.requests;
    this.bytes += counts.bytes;
    this.serverCloses += counts.serverCloses;
    this.connects += counts.connects;
    this.failed += counts.failed;
    addErrors(this.errors, counts.errors);
    for (const [code, count] of Object.entries(counts.statusCounts)) {
      this.statusCounts[code] = (this.statusCounts[code] ?? 0) + count;
    }
  }

  /** Emits intervals every worker has reported; after the last final snapshot, all of them. */
  private completeIntervals(): SeriesPoint[] {
    const done: SeriesPoint[] = [];
    const seqs = [...this.pending.keys()].sort((a, b) => a - b);
    for (const seq of seqs) {
      const interval = this.pending.get(seq);
      if (!interval) continue;
      if (interval.reports < this.workers && !this.finished) break;
      this.pending.delete(seq);
      const latency = interval.latency;
      done.push({
        tMs: Math.max(0, interval.endEpochMs - this.startEpochMs),
        requests: interval.requests,
        errors: totalErrors(interval.errors),
        errorsByKind: interval.errors,
        bytes: interval.bytes,
        latencyUs:
          latency.totalCount === 0
            ? null
            : {
                p50: latency.getValueAtPercentile(50),
                p90: latency.getValueAtPercentile(90),
                p99: latency.getValueAtPercentile(99),
                max: latency.maxValue,
              },
      });
      latency.destroy();
      const point = done.at(-1);
      if (point && interval.gauges && interval.reports === this.workers) this.pointGauges.set(point, interval.gauges);
    }
    this.series.push(...done);
    return done;
  }
}

/**
 * Running totals over the series points in the order they were emitted: what a live sample
 * reports beside its point. One worker message may complete several intervals; each point's
 * totals then stop at that point, never the whole batch's.
 */
export class LiveTotals {
  requests = 0;
  readonly errors: ErrorCounts = emptyErrorCounts();

  /**
   * `gauges`: requests due and in flight at the point's end. Completion so far is answered /
   * (due − in flight): a request still awaited is not judged yet; one due but unsent, or given
   * up, counts against. Null without gauges (connection-rate mode) or before anything was due.
   */
  add(point: SeriesPoint, gauges: { due: number; inFlight: number } | null = null): { requests: number; errors: ErrorCounts; completion: number | null } {
    this.requests += point.requests;
    if (point.errorsByKind) addErrors(this.errors, point.errorsByKind);
    const judged = gauges === null ? 0 : gauges.due - gauges.inFlight;
    const completion = judged > 0 ? Math.min(1, this.requests / judged) : null;
    return { requests: this.requests, errors: { ...this.errors }, completion };
  }
}

export function addErrors(into: ErrorCounts, add: ErrorCounts): void {
  for (const kind of ['connect', 'read', 'write', 'timeout', 'status'] as const) into[kind] += add[kind];
  // TLS errors exist only where TLS was used (https targets): absent stays absent.
  if (add.tls !== undefined) into.tls = (into.tls ?? 0) + add.tls;
}

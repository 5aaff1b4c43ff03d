// Merges the worker threads' interval snapshots: totals for the run, and one series point per
// interval once every worker has reported it. HdrHistograms add exactly, so merged
// percentiles are the percentiles of all responses, not an average of per-thread figures.
import type { JsHistogram } from 'hdr-histogram-js';
import { totalErrors, type ConnErrorKinds, type ErrorCounts, type SeriesPoint } from '../common/runRecord.ts';
import { addEncoded, createLatencyHistogram } from '../common/histogram.ts';
import { emptyConnErrorKinds, emptyErrorCounts, type ConnRateExtras, type IntervalCounts, type SnapshotMessage } from './messages.ts';
import { TlsTotals } from './tlsTotals.ts';

interface PendingInterval {
  reports: number;
  endEpochMs: number;
  requests: number;
  bytes: number;
  errors: number;
  latency: JsHistogram;
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
  requests = 0;
  bytes = 0;
  serverCloses = 0;
  inFlightAtEnd = 0;
  unsent = 0;
  lastEndEpochMs: number;
  readonly errors: ErrorCounts = emptyErrorCounts();
  readonly statusCounts: Record<string, number> = {};
  readonly rateSamples: number[] = [];
  readonly series: SeriesPoint[] = [];
  /** Set once a worker reports TLS figures. */
  tls: TlsTotals | null = null;
  /** Set once a connection-rate worker reports. */
  connRate: ConnRateTotals | null = null;
  private readonly pending = new Map<number, PendingInterval>();
  private finals = 0;

  constructor(
    private readonly workers: number,
    private readonly startEpochMs: number,
    keepUncorrected: boolean,
  ) {
    this.uncorrected = keepUncorrected ? createLatencyHistogram() : null;
    this.lastEndEpochMs = startEpochMs;
  }

  get finished(): boolean {
    return this.finals === this.workers;
  }

  /** Adds one snapshot; returns the series points it completed, in order. */
  add(snapshot: SnapshotMessage): SeriesPoint[] {
    this.addCounts(snapshot.counts);
    addEncoded(this.corrected, snapshot.correctedUs);
    if (this.uncorrected && snapshot.uncorrectedUs !== null) addEncoded(this.uncorrected, snapshot.uncorrectedUs);
    for (const sample of snapshot.rateSamples) this.rateSamples.push(sample);
    this.lastEndEpochMs = Math.max(this.lastEndEpochMs, snapshot.endEpochMs);

    const interval = this.pending.get(snapshot.seq) ?? this.openInterval(snapshot.seq);
    interval.reports++;
    interval.endEpochMs = Math.max(interval.endEpochMs, snapshot.endEpochMs);
    interval.requests += snapshot.counts.requests;
    interval.bytes += snapshot.counts.bytes;
    interval.errors += totalErrors(snapshot.counts.errors);
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
      this.unsent += snapshot.final.unsent;
    }
    return this.completeIntervals();
  }

  private openInterval(seq: number): PendingInterval {
    const interval: PendingInterval = { reports: 0, endEpochMs: 0, requests: 0, bytes: 0, errors: 0, latency: createLatencyHistogram() };
    this.pending.set(seq, interval);
    return interval;
  }

  private addCounts(counts: IntervalCounts): void {
    this.requests += counts.requests;
    this.bytes += counts.bytes;
    this.serverCloses += counts.serverCloses;
    for (const kind of ['connect', 'read', 'write', 'timeout', 'status'] as const) this.errors[kind] += counts.errors[kind];
    if (counts.errors.tls !== undefined) this.errors.tls = (this.errors.tls ?? 0) + counts.errors.tls;
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
        errors: interval.errors,
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
    }
    this.series.push(...done);
    return done;
  }
}

// A worker thread's counters and interval histograms. Owned by one thread, shared with none;
// emptied into a snapshot once per interval.
import type { JsHistogram } from 'hdr-histogram-js';
import type { ErrorCounts } from '../../common/runRecord.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../../common/histogram.ts';
import { emptyErrorCounts, type SnapshotMessage } from '../messages.ts';
import { TlsRecorder } from './tlsRecorder.ts';

/** wrk samples each thread's request rate every 100 ms for its "Req/Sec" row. */
export const RATE_SAMPLE_MS = 100;

export class IntervalRecorder {
  requests = 0;
  bytes = 0;
  serverCloses = 0;
  errors: ErrorCounts = emptyErrorCounts();
  /** https targets from the start; made on first use when TLS turns up at an http target. */
  private tlsFigures: TlsRecorder | null = null;
  private statusCounts = new Uint32Array(600);
  private readonly corrected: JsHistogram = createLatencyHistogram();
  private readonly uncorrected: JsHistogram | null;
  private rateSamples: number[] = [];
  private totalRequests = 0;
  private rateRequestsMark = 0;
  private rateTimeMarkMs: number;

  constructor(keepUncorrected: boolean, nowMs: number) {
    this.uncorrected = keepUncorrected ? createLatencyHistogram() : null;
    this.rateTimeMarkMs = nowMs;
  }

  /** This thread's TLS figures (created when first asked for). */
  get tls(): TlsRecorder {
    this.tlsFigures ??= new TlsRecorder();
    return this.tlsFigures;
  }

  /** A complete response: latency from the intended start and from the actual send, in ms. */
  response(statusCode: number, correctedMs: number, uncorrectedMs: number): void {
    this.requests++;
    this.totalRequests++;
    this.statusCounts[statusCode] = (this.statusCounts[statusCode] ?? 0) + 1;
    if (statusCode < 200 || statusCode > 399) this.errors.status++;
    recordLatencyUs(this.corrected, correctedMs * 1000);
    if (this.uncorrected) recordLatencyUs(this.uncorrected, uncorrectedMs * 1000);
  }

  sampleRate(nowMs: number): void {
    const elapsedMs = nowMs - this.rateTimeMarkMs;
    if (elapsedMs <= 0) return;
    this.rateSamples.push(((this.totalRequests - this.rateRequestsMark) * 1000) / elapsedMs);
    this.rateRequestsMark = this.totalRequests;
    this.rateTimeMarkMs = nowMs;
  }

  /** Empties the interval into a snapshot message. */
  snapshot(seq: number, endEpochMs: number, final: SnapshotMessage['final'], connRate: SnapshotMessage['connRate'] = null): SnapshotMessage {
    const statusCounts: Record<string, number> = {};
    for (let code = 0; code < this.statusCounts.length; code++) {
      const count = this.statusCounts[code] ?? 0;
      if (count > 0) statusCounts[String(code)] = count;
    }
    const message: SnapshotMessage = {
      type: 'snapshot',
      seq,
      endEpochMs,
      counts: { requests: this.requests, bytes: this.bytes, errors: this.errors, statusCounts, serverCloses: this.serverCloses },
      correctedUs: encodeHistogram(this.corrected),
      uncorrectedUs: this.uncorrected ? encodeHistogram(this.uncorrected) : null,
      rateSamples: this.rateSamples,
      final,
      connRate,
      tls: this.tlsFigures?.drain() ?? null,
    };
    this.requests = 0;
    this.bytes = 0;
    this.serverCloses = 0;
    this.errors = emptyErrorCounts();
    this.statusCounts.fill(0);
    this.corrected.reset();
    this.uncorrected?.reset();
    this.rateSamples = [];
    return message;
  }
}

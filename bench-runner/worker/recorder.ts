// A worker thread's counters and interval histograms. Owned by one thread, shared with none;
// emptied into a snapshot once per interval.
import type { JsHistogram } from 'hdr-histogram-js/dist/JsHistogram.js';
import { emptyConnectCauses, type ConnectCause, type ConnectErrorCauses } from '../../common/connectCause.ts';
import { emptyErrorCounts } from '../../common/errorCounts.ts';
import type { ErrorCounts } from '../../common/runRecord.ts';
import { createLatencyHistogram, encodeHistogram, HIGHEST_US, LOWEST_US, recordLatencyUs } from './threadHistogram.ts';
import type { SnapshotMessage } from '../messages.ts';
import { TlsRecorder } from './tlsRecorder.ts';

/** wrk samples each thread's request rate every 100 ms for its "Req/Sec" row. */
export const RATE_SAMPLE_MS = 100;

export class IntervalRecorder {
  requests = 0;
  bytes = 0;
  serverCloses = 0;
  connects = 0;
  errors: ErrorCounts = emptyErrorCounts();
  /** The whole run's connect errors by cause, sent on the final snapshot. */
  private readonly connectCauses: ConnectErrorCauses = emptyConnectCauses();
  /** Requests sent and then given up without a response (timeout, failed connection). */
  failed = 0;
  /** Responses that arrived while the run drained after its duration (the whole run's, not reset per interval). */
  drained = 0;
  /** https targets from the start; made on first use when TLS turns up at an http target. */
  private tlsFigures: TlsRecorder | null = null;
  private statusCounts = new Uint32Array(600);
  private readonly corrected: JsHistogram = createLatencyHistogram();
  private readonly uncorrected: JsHistogram | null;
  /** Unanswered requests' censored latencies: at least this long, µs (common/censored.ts). */
  private readonly censored: JsHistogram = createLatencyHistogram();
  private rateSamples: number[] = [];
  private totalRequests = 0;
  private rateRequestsMark = 0;
  private rateTimeMarkUs: number;

  constructor(keepUncorrected: boolean, nowUs: number) {
    this.uncorrected = keepUncorrected ? createLatencyHistogram() : null;
    this.rateTimeMarkUs = nowUs;
  }

  /** This thread's TLS figures (created when first asked for). */
  get tls(): TlsRecorder {
    this.tlsFigures ??= new TlsRecorder();
    return this.tlsFigures;
  }

  /** A complete response: latency from the intended start and from the actual send, in µs. */
  response(statusCode: number, correctedUs: number, uncorrectedUs: number): void {
    this.requests++;
    this.totalRequests++;
    this.statusCounts[statusCode] = (this.statusCounts[statusCode] ?? 0) + 1;
    if (statusCode < 200 || statusCode > 399) this.errors.status++;
    recordLatencyUs(this.corrected, correctedUs);
    if (this.uncorrected) recordLatencyUs(this.uncorrected, uncorrectedUs);
  }

  /** `count` connect errors (scheduled requests that had no connection), all of one cause. */
  connectError(cause: ConnectCause, count = 1): void {
    this.errors.connect += count;
    this.connectCauses[cause] += count;
  }

  /** A sent request given up without a response, `waitedUs` after its intended time. */
  giveUp(waitedUs: number): void {
    this.failed++;
    this.censor(waitedUs);
  }

  /** An unanswered request whose latency is at least `waitedUs` (from its intended time). */
  censor(waitedUs: number): void {
    recordLatencyUs(this.censored, waitedUs);
  }

  /**
   * `count` unanswered requests intended `stepUs` apart, the earliest having waited `longestUs`:
   * recorded a histogram bucket at a time, so a long schedule of unsent requests costs at most
   * one step per bucket, not one per request.
   */
  censorEvenlySpaced(longestUs: number, stepUs: number, count: number): void {
    let remaining = count;
    let valueUs = longestUs;
    while (remaining > 0) {
      const clampedUs = Math.min(HIGHEST_US, Math.max(LOWEST_US, Math.round(valueUs)));
      const bucketLowUs = this.censored.lowestEquivalentValue(clampedUs);
      const inBucket = stepUs > 0 ? Math.min(remaining, Math.floor((valueUs - bucketLowUs) / stepUs) + 1) : remaining;
      this.censored.recordValueWithCount(clampedUs, Math.max(1, inBucket));
      remaining -= Math.max(1, inBucket);
      valueUs -= Math.max(1, inBucket) * stepUs;
    }
  }

  /**
   * `count` scheduled requests given up unsent (their connection failed and is backing off), the
   * earliest intended `longestUs` ago and the rest `stepUs` apart after it.
   */
  giveUpSlots(longestUs: number, stepUs: number, count: number): void {
    this.failed += count;
    this.censorEvenlySpaced(longestUs, stepUs, count);
  }

  /** Requests per second since the last sample (wrk's per-thread "Req/Sec"). */
  sampleRate(nowUs: number): void {
    const elapsedUs = nowUs - this.rateTimeMarkUs;
    if (elapsedUs <= 0) return;
    this.rateSamples.push(((this.totalRequests - this.rateRequestsMark) * 1e6) / elapsedUs);
    this.rateRequestsMark = this.totalRequests;
    this.rateTimeMarkUs = nowUs;
  }

  /** Empties the interval into a snapshot message. */
  snapshot(
    seq: number,
    endEpochMs: number,
    final: SnapshotMessage['final'],
    connRate: SnapshotMessage['connRate'] = null,
    gauges: SnapshotMessage['gauges'] = null,
  ): SnapshotMessage {
    const statusCounts: Record<string, number> = {};
    for (let code = 0; code < this.statusCounts.length; code++) {
      const count = this.statusCounts[code] ?? 0;
      if (count > 0) statusCounts[String(code)] = count;
    }
    const message: SnapshotMessage = {
      type: 'snapshot',
      seq,
      endEpochMs,
      counts: { requests: this.requests, bytes: this.bytes, errors: this.errors, statusCounts, serverCloses: this.serverCloses, connects: this.connects, failed: this.failed },
      correctedUs: encodeHistogram(this.corrected),
      unansweredUs: encodeHistogram(this.censored),
      uncorrectedUs: this.uncorrected ? encodeHistogram(this.uncorrected) : null,
      rateSamples: this.rateSamples,
      gauges,
      final: final === null ? null : { ...final, connectCauses: { ...this.connectCauses } },
      connRate,
      tls: this.tlsFigures?.drain() ?? null,
    };
    this.requests = 0;
    this.bytes = 0;
    this.serverCloses = 0;
    this.connects = 0;
    this.failed = 0;
    this.errors = emptyErrorCounts();
    this.statusCounts.fill(0);
    this.corrected.reset();
    this.uncorrected?.reset();
    this.censored.reset();
    this.rateSamples = [];
    return message;
  }
}

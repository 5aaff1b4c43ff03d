// A connection-rate worker's connection figures, beside the shared IntervalRecorder.
import type { JsHistogram } from 'hdr-histogram-js/dist/JsHistogram.js';
import type { ConnErrorKinds } from '../../common/runRecord.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from './threadHistogram.ts';
import { emptyConnErrorKinds, type ConnRateExtras } from '../messages.ts';

export class ConnRateRecorder {
  started = 0;
  completed = 0;
  open = 0;
  peakConcurrent = 0;
  maxConnectBurst = 0;
  replyHeaderBytes = 0;
  replyContentBytes = 0;
  bytesSent = 0;
  readonly errors: ConnErrorKinds = emptyConnErrorKinds();
  private readonly connect: JsHistogram = createLatencyHistogram();
  private readonly lifetime: JsHistogram = createLatencyHistogram();
  private readonly response: JsHistogram = createLatencyHistogram();
  private readonly transfer: JsHistogram = createLatencyHistogram();
  /** https only: TCP connected → TLS handshake done. */
  private readonly tlsHandshake: JsHistogram | null;

  constructor(tls: boolean) {
    this.tlsHandshake = tls ? createLatencyHistogram() : null;
  }

  opened(burst: number): void {
    this.started++;
    this.open++;
    if (this.open > this.peakConcurrent) this.peakConcurrent = this.open;
    if (burst > this.maxConnectBurst) this.maxConnectBurst = burst;
  }

  closed(): void {
    this.open--;
  }

  connectTime(ms: number): void {
    recordLatencyUs(this.connect, ms * 1000);
  }

  tlsHandshakeTime(ms: number): void {
    if (this.tlsHandshake) recordLatencyUs(this.tlsHandshake, ms * 1000);
  }

  lifetimeTime(ms: number): void {
    this.completed++;
    recordLatencyUs(this.lifetime, ms * 1000);
  }

  reply(responseMs: number, transferMs: number, headerBytes: number, contentBytes: number): void {
    recordLatencyUs(this.response, responseMs * 1000);
    recordLatencyUs(this.transfer, transferMs * 1000);
    this.replyHeaderBytes += headerBytes;
    this.replyContentBytes += contentBytes;
  }

  extras(): ConnRateExtras {
    return {
      started: this.started,
      completed: this.completed,
      peakConcurrent: this.peakConcurrent,
      maxConnectBurst: this.maxConnectBurst,
      connectUs: encodeHistogram(this.connect),
      lifetimeUs: encodeHistogram(this.lifetime),
      responseUs: encodeHistogram(this.response),
      transferUs: encodeHistogram(this.transfer),
      replyHeaderBytes: this.replyHeaderBytes,
      replyContentBytes: this.replyContentBytes,
      bytesSent: this.bytesSent,
      errors: { ...this.errors },
      tlsHandshakeUs: this.tlsHandshake ? encodeHistogram(this.tlsHandshake) : null,
    };
  }
}

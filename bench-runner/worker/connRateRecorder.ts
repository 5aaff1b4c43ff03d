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

  connectTime(connectUs: number): void {
    recordLatencyUs(this.connect, connectUs);
  }

  tlsHandshakeTime(handshakeUs: number): void {
    if (this.tlsHandshake) recordLatencyUs(this.tlsHandshake, handshakeUs);
  }

  lifetimeTime(lifetimeUs: number): void {
    this.completed++;
    recordLatencyUs(this.lifetime, lifetimeUs);
  }

  reply(responseUs: number, transferUs: number, headerBytes: number, contentBytes: number): void {
    recordLatencyUs(this.response, responseUs);
    recordLatencyUs(this.transfer, transferUs);
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

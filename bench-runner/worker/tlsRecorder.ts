// A worker's TLS figures over one interval: handshake times, resumptions, protocols and
// failures by kind with the first message of each kind. Emptied into each snapshot.
import type { JsHistogram } from 'hdr-histogram-js/dist/JsHistogram.js';
import type { TlsErrorKind } from '../../common/runRecord.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from './threadHistogram.ts';
import type { TlsIntervalCounts } from '../messages.ts';

export class TlsRecorder {
  private handshakes = 0;
  private resumed = 0;
  private readonly handshakeUs: JsHistogram = createLatencyHistogram();
  private protocols: Record<string, number> = {};
  private errors = { certificate: 0, handshake: 0, protocol: 0 };
  private examples: TlsIntervalCounts['examples'] = { certificate: null, handshake: null, protocol: null };

  handshake(durationUs: number, resumed: boolean, protocol: string | null): void {
    this.handshakes++;
    if (resumed) this.resumed++;
    recordLatencyUs(this.handshakeUs, durationUs);
    const name = protocol ?? 'unknown';
    this.protocols[name] = (this.protocols[name] ?? 0) + 1;
  }

  /** `count` requests were lost to a failure of this kind (0 when none was due yet). */
  failed(kind: TlsErrorKind, message: string, count: number): void {
    this.errors[kind] += count;
    this.examples[kind] ??= message;
  }

  drain(): TlsIntervalCounts {
    const counts: TlsIntervalCounts = {
      handshakes: this.handshakes,
      resumed: this.resumed,
      handshakeUs: encodeHistogram(this.handshakeUs),
      protocols: this.protocols,
      errors: this.errors,
      examples: this.examples,
    };
    this.handshakes = 0;
    this.resumed = 0;
    this.handshakeUs.reset();
    this.protocols = {};
    this.errors = { certificate: 0, handshake: 0, protocol: 0 };
    this.examples = { certificate: null, handshake: null, protocol: null };
    return counts;
  }
}

// TLS figures merged over the workers' snapshots, and their summary in the run record.
import type { TlsErrorKind, TlsSummary } from '../common/runRecord.ts';
import { addEncoded, createLatencyHistogram, summarizeLatency } from '../common/histogram.ts';
import type { TlsIntervalCounts } from './messages.ts';

const KINDS: readonly TlsErrorKind[] = ['certificate', 'handshake', 'protocol'];

export class TlsTotals {
  handshakes = 0;
  resumed = 0;
  readonly handshakeUs = createLatencyHistogram();
  readonly protocols: Record<string, number> = {};
  readonly errors = { certificate: 0, handshake: 0, protocol: 0 };
  readonly examples: TlsSummary['errorExamples'] = { certificate: null, handshake: null, protocol: null };

  add(counts: TlsIntervalCounts): void {
    this.handshakes += counts.handshakes;
    this.resumed += counts.resumed;
    addEncoded(this.handshakeUs, counts.handshakeUs);
    for (const [name, count] of Object.entries(counts.protocols)) this.protocols[name] = (this.protocols[name] ?? 0) + count;
    for (const kind of KINDS) {
      this.errors[kind] += counts.errors[kind];
      this.examples[kind] ??= counts.examples[kind];
    }
  }

  summary(): TlsSummary {
    return {
      handshakes: this.handshakes,
      resumed: this.resumed,
      handshakeUs: this.handshakes === 0 ? null : summarizeLatency(this.handshakeUs),
      protocols: { ...this.protocols },
      errors: { ...this.errors },
      errorExamples: { ...this.examples },
    };
  }
}

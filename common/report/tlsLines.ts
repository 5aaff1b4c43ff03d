// The lines the wrk2 and httperf layouts add when a run used TLS (or met it): handshakes,
// TLS failures by kind with the first message, and a loud warning when verification was off.
// Nothing is added to a run without TLS, so those reports keep the tools' layout exactly.
import { formatTimeUs } from '../format.ts';
import type { MeasuredRunRecord, TlsSummary } from '../runRecord.ts';

const ms1 = (us: number): string => (us / 1000).toFixed(1);

/** First in the report: certificate verification was off. */
export function insecureWarningLines(record: Pick<MeasuredRunRecord, 'target'>): string[] {
  return record.target.tls?.insecure === true ? ['  WARNING: --insecure: the server\'s TLS certificate was NOT verified (anyone could have answered)'] : [];
}

function failureLines(tls: TlsSummary, indent: string): string[] {
  const { certificate, handshake, protocol } = tls.errors;
  const examples = tls.errorExamples;
  const first = examples.certificate ?? examples.handshake ?? examples.protocol;
  if (certificate + handshake + protocol === 0 && first === null) return [];
  const lines = [`${indent}TLS errors: certificate ${certificate}, handshake ${handshake}, protocol ${protocol}`];
  for (const message of [examples.certificate, examples.handshake, examples.protocol]) {
    if (message !== null) lines.push(`${indent}  e.g. ${message.replace(/\s+/g, ' ').trim()}`);
  }
  return lines;
}

/** wrk2 layout: after the error lines, before Requests/sec. */
export function wrkTlsLines(record: Pick<MeasuredRunRecord, 'summary'>): string[] {
  const tls = record.summary.tls;
  if (tls === undefined) return [];
  const lines = failureLines(tls, '  ');
  if (tls.handshakes > 0 || record.summary.errors.tls !== undefined) {
    const protocols = Object.keys(tls.protocols).sort().join(', ');
    const times = tls.handshakeUs === null ? '' : `; handshake avg ${formatTimeUs(tls.handshakeUs.mean)}, p99 ${formatTimeUs(tls.handshakeUs.p99)}, max ${formatTimeUs(tls.handshakeUs.max)}`;
    lines.unshift(`  TLS handshakes: ${tls.handshakes} (${tls.resumed} resumed)${protocols ? `, ${protocols}` : ''}${times}`);
  }
  return lines;
}

/** httperf layout: the handshake as a connection time of its own, beside httperf's "connect". */
export function httperfHandshakeLines(record: Pick<MeasuredRunRecord, 'summary'>): string[] {
  const handshake = record.summary.connRate?.tlsHandshakeUs;
  const tls = record.summary.tls;
  if (handshake === undefined || tls === undefined) return [];
  return [`Connection time [ms]: TLS handshake ${ms1(handshake.mean)} (${tls.handshakes} handshakes, ${tls.resumed} resumed)`];
}

/** httperf layout: TLS failures, after its "Errors:" lines. */
export function httperfTlsErrorLines(record: Pick<MeasuredRunRecord, 'summary'>): string[] {
  const tls = record.summary.tls;
  return tls === undefined ? [] : failureLines(tls, '');
}

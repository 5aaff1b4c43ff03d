// After (or during) a run with errors: which kind dominates and what usually causes it, so a
// refused target is not read as a slow server (issue 11, item 6). A pure function of the counts.
import type { ConnectErrorCauses } from '../../../common/connectCause.ts';
import type { ErrorCounts } from '../../../common/runRecord.ts';

export interface ErrorDiagnosis {
  kind: keyof ErrorCounts;
  count: number;
  /** The dominant kind's share of all errors, 0–1. */
  share: number;
  /** One sentence: what happened and the likely cause. */
  text: string;
}

export interface DiagnosisContext {
  /** host:port the run connected to, when known. */
  where: string | null;
  host: string | null;
  timeoutMs: number | null;
  /** Connect errors by cause, from the saved record; null while unknown (live, older records). */
  connectCauses: ConnectErrorCauses | null | undefined;
}

/** Null when there were no errors. */
export function diagnoseErrors(errors: ErrorCounts, context: DiagnosisContext): ErrorDiagnosis | null {
  const entries = (Object.entries(errors) as [keyof ErrorCounts, number | undefined][]).map(([kind, n]): [keyof ErrorCounts, number] => [kind, n ?? 0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const [kind, count] = entries.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { kind, count, share: count / total, text: explain(kind, count, context) };
}

function explain(kind: keyof ErrorCounts, count: number, context: DiagnosisContext): string {
  const n = count.toLocaleString('en-US');
  const where = context.where ?? 'the target';
  const timeout = context.timeoutMs === null ? 'the timeout' : `the ${context.timeoutMs >= 1000 ? `${context.timeoutMs / 1000} s` : `${context.timeoutMs} ms`} timeout`;
  switch (kind) {
    case 'connect':
      return connectText(n, where, context);
    case 'read':
      return `Mostly read errors (${n}): the server closed connections before its response was complete — it closes without saying Connection: close, drops requests it has not read, or crashed.`;
    case 'write':
      return `Mostly write errors (${n}): the server closed or reset connections while requests were being sent.`;
    case 'timeout':
      return `Mostly timeouts (${n}): requests got no response within ${timeout} — the server is overloaded or stalled, not refusing.`;
    case 'status':
      return `Mostly error statuses (${n}): the server answered, but not with 2xx or 3xx — see the status counts.`;
    case 'tls':
      return `Mostly TLS errors (${n}): the TLS handshake with ${where} failed — a certificate not trusted or not for this name, or a protocol mismatch (https at a plain port); the run page's TLS figures give the first message.`;
  }
}

function connectText(n: string, where: string, context: DiagnosisContext): string {
  const causes = context.connectCauses;
  if (causes === null || causes === undefined) return `Mostly connect errors (${n}): connections to ${where} could not be opened — the server is not there or not accepting; this is not a slow server.`;
  const [cause] = (Object.entries(causes) as [keyof ConnectErrorCauses, number][]).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  switch (cause) {
    case 'notResolved':
      return `The name ${context.host ?? 'of the target'} does not resolve: no connection was possible.`;
    case 'refused':
      return `Connections refused (${n}): nothing is listening on ${where}. Start the server, or check the port.`;
    case 'timeout':
      return `Connects timed out (${n}): ${where} did not accept connections in time — its accept queue is full, or a firewall drops the packets.`;
    case 'reset':
      return `Connections reset as they opened (${n}): ${where} accepted and closed them at once — its accept queue overflowed or it limits connections.`;
    case 'other':
      return `Mostly connect errors (${n}) to ${where}: connections could not be opened (not refused, not a timeout; see the server's host and limits).`;
  }
}

/** "host:port" of a URL, for the diagnosis; null for no URL or a bad one. */
export function endpointOf(url: string | null): { host: string; where: string } | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? '443' : '80') : parsed.port;
    return { host: parsed.hostname, where: `${parsed.hostname}:${port}` };
  } catch {
    return null;
  }
}

// Which kind of TLS failure an error is (common/runRecord.ts TlsErrorKinds). Node reports a
// rejected certificate with OpenSSL's verify codes (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE,
// DEPTH_ZERO_SELF_SIGNED_CERT…) or ERR_TLS_CERT_ALTNAME_INVALID for a wrong host name, and a
// peer that does not speak TLS with OpenSSL's record errors (ERR_SSL_WRONG_VERSION_NUMBER…).
import type { TlsErrorKind } from '../../common/runRecord.ts';

export interface TlsFailure {
  kind: TlsErrorKind;
  message: string;
}

const CERTIFICATE_CODE = /^(ERR_TLS_CERT_ALTNAME_INVALID|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|INVALID_CA|INVALID_PURPOSE|CERT_UNTRUSTED|HOSTNAME_MISMATCH|ERR_TLS_CERT\w*)$/;
/** OpenSSL's errors when the bytes received are no TLS record, or no protocol version is shared. */
const PROTOCOL_CODE = /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|HTTPS_PROXY_REQUEST|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|TLSV1_ALERT_PROTOCOL_VERSION|RECORD_LENGTH_MISMATCH|UNKNOWN_PROTOCOL|WRONG_SSL_VERSION)$/;

/** An error during the TLS handshake (after the TCP connect, before the connection is secure). */
export function classifyTlsError(error: NodeJS.ErrnoException): TlsFailure {
  const code = error.code ?? '';
  const message = code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  if (CERTIFICATE_CODE.test(code)) return { kind: 'certificate', message: `certificate rejected: ${message}` };
  if (PROTOCOL_CODE.test(code)) return { kind: 'protocol', message: `the server does not speak TLS here (${message.trim()})` };
  return { kind: 'handshake', message: `TLS handshake failed: ${message}` };
}

/** The first bytes of a reply to plain HTTP are a TLS record (alert or handshake, version 3.x). */
export function looksLikeTlsRecord(buffer: Uint8Array, length: number): boolean {
  return length >= 3 && (buffer[0] === 0x15 || buffer[0] === 0x16) && buffer[1] === 0x03 && (buffer[2] ?? 0xff) <= 0x04;
}

export const TLS_AT_PLAIN_TARGET: TlsFailure = {
  kind: 'protocol',
  message: 'the server answered plain HTTP with TLS: the port speaks TLS (use an https:// URL)',
};

/** What servers answer, with status 400, to plain HTTP at their TLS port: nginx, Apache httpd, Go's net/http. */
const PLAIN_HTTP_REFUSALS = ['The plain HTTP request was sent to HTTPS port', 'speaking plain HTTP to an SSL-enabled server port', 'Client sent an HTTP request to an HTTPS server'].map((text) =>
  Buffer.from(text, 'latin1'),
);
const HTTP_400 = Buffer.from(' 400', 'latin1');

/**
 * The first read of a plain HTTP connection, when it says the port speaks TLS: a TLS record, or
 * a 400 whose body is one of the known refusals (which arrive whole in the first read: a few
 * hundred bytes in one write). Null for anything else. Only call it on a connection's first read.
 */
export function plainHttpAtTlsPort(buffer: Buffer, length: number): TlsFailure | null {
  if (looksLikeTlsRecord(buffer, length)) return TLS_AT_PLAIN_TARGET;
  // "HTTP/1.x 400": the status code sits at bytes 8–11.
  if (length < 12 || buffer.compare(HTTP_400, 0, HTTP_400.length, 8, 12) !== 0) return null;
  const head = buffer.subarray(0, length);
  const refusal = PLAIN_HTTP_REFUSALS.find((text) => head.includes(text));
  return refusal === undefined ? null : { kind: 'protocol', message: `the server answered plain HTTP with 400 "${refusal.toString('latin1')}": the port speaks TLS (use an https:// URL)` };
}

export const HANDSHAKE_TIMEOUT: TlsFailure = { kind: 'handshake', message: 'TLS handshake failed: no answer within the timeout' };

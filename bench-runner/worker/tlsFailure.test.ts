// The TLS failure kinds as Node reports them (codes seen from node:tls 20 against loopback servers).
import { describe, expect, it } from 'vitest';
import { classifyTlsError, looksLikeTlsRecord } from './tlsFailure.ts';

function error(code: string | undefined, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('classifyTlsError', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'certificate'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'certificate'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'certificate'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'certificate'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'ssl3_get_record:wrong version number', 'protocol'],
    ['ERR_SSL_PACKET_LENGTH_TOO_LONG', 'packet length too long', 'protocol'],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'tlsv1 alert protocol version', 'protocol'],
    ['ECONNRESET', 'Client network socket disconnected before secure TLS connection was established', 'handshake'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'sslv3 alert handshake failure', 'handshake'],
    [undefined, 'something else', 'handshake'],
  ] as const)('%s is a %s failure', (code, message, kind) => {
    const failure = classifyTlsError(error(code, message));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(message);
  });

  it('keeps the code in the message when the message lacks it', () => {
    expect(classifyTlsError(error('CERT_HAS_EXPIRED', 'certificate has expired')).message).toBe('certificate rejected: CERT_HAS_EXPIRED: certificate has expired');
  });
});

describe('looksLikeTlsRecord', () => {
  it.each([
    [[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a], true],
    [[0x16, 0x03, 0x01, 0x00, 0x50], true],
    [[0x15, 0x03], false],
    [Array.from(Buffer.from('HTTP/1.1 400 Bad Request')), false],
    [[0x16, 0x02, 0x01], false],
  ])('%j → %s', (bytes, expected) => {
    const buffer = Buffer.from(bytes);
    expect(looksLikeTlsRecord(buffer, buffer.length)).toBe(expected);
  });
});

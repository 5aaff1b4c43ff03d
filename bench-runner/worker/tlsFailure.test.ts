// The TLS failure kinds as Node reports them (codes seen from node:tls 20 against loopback servers).
import { describe, expect, it } from 'vitest';
import { classifyTlsError, looksLikeTlsRecord, plainHttpAtTlsPort, TLS_AT_PLAIN_TARGET } from './tlsFailure.ts';

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

describe('plainHttpAtTlsPort', () => {
  const nginx = 'HTTP/1.1 400 Bad Request\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\nContent-Length: 255\r\nConnection: close\r\n\r\n<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n';
  const go = 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';
  const apache = 'HTTP/1.1 400 Bad Request\r\nContent-Length: 362\r\n\r\n<p>Reason: You\'re speaking plain HTTP to an SSL-enabled server port.<br />\n';

  it.each([
    ['nginx', nginx, 'The plain HTTP request was sent to HTTPS port'],
    ["Go's net/http", go, 'Client sent an HTTP request to an HTTPS server'],
    ['Apache httpd', apache, 'speaking plain HTTP to an SSL-enabled server port'],
  ])("%s's 400 is a protocol failure that quotes it", (_server, text, quoted) => {
    const buffer = Buffer.from(text, 'latin1');
    const failure = plainHttpAtTlsPort(buffer, buffer.length);
    expect(failure?.kind).toBe('protocol');
    expect(failure?.message).toContain(quoted);
    expect(failure?.message).toMatch(/use an https:\/\/ URL/);
  });

  it('a TLS record is TLS at a plain target', () => {
    const buffer = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a]);
    expect(plainHttpAtTlsPort(buffer, buffer.length)).toBe(TLS_AT_PLAIN_TARGET);
  });

  it('only the bytes read count, and other answers are not a TLS failure', () => {
    const buffer = Buffer.from(nginx, 'latin1');
    expect(plainHttpAtTlsPort(buffer, 60)).toBeNull(); // the refusal text lies beyond the bytes read
    const other400 = Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nbad request', 'latin1');
    expect(plainHttpAtTlsPort(other400, other400.length)).toBeNull();
    const ok = Buffer.from(nginx.replace(' 400 Bad Request', ' 200 OK'), 'latin1');
    expect(plainHttpAtTlsPort(ok, ok.length)).toBeNull();
  });
});

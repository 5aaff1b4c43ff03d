import { describe, expect, it } from 'vitest';
import { errorResponseBytes, replyForClientError } from './clientErrors.ts';

const packet = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('replyForClientError', () => {
  // [code, llhttp reason, the chunk the parser failed in, expected status or null]
  const cases: Array<[string | undefined, string | undefined, string | undefined, number | null]> = [
    ['ERR_HTTP_REQUEST_TIMEOUT', undefined, undefined, 408],
    ['HPE_HEADER_OVERFLOW', 'Header overflow', 'GET / HTTP/1.1\r\nX: aaaa', 431],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 'Chunk extensions overflow', undefined, 413],
    ['HPE_INVALID_METHOD', 'Invalid method encountered', 'FROB / HTTP/1.1\r\n', 501],
    ['HPE_INVALID_METHOD', 'Invalid method encountered', 'get / HTTP/1.1\r\n', 501],
    ['HPE_INVALID_METHOD', 'Invalid method encountered', '\u0016\u0003\u0001\u0000', 400],
    ['HPE_INVALID_METHOD', 'Invalid method encountered', 'G(T / HTTP/1.1\r\n', 400],
    ['HPE_INVALID_VERSION', 'Invalid HTTP version', 'GET / HTTP/1.2\r\nHost: a\r\n\r\n', 505],
    ['HPE_INVALID_VERSION', 'Invalid HTTP version', 'GET / HTTP/3.0\r\n', 505],
    ['HPE_INVALID_VERSION', 'Expected CRLF after version', 'GET / HTTP/1.1\nHost: a\n\n', 400],
    ['HPE_INVALID_VERSION', 'Expected CRLF after version', 'GET / HTTP/1.1.1\r\n', 400],
    ['HPE_INVALID_VERSION', 'Invalid HTTP version', undefined, 400],
    ['HPE_PAUSED_H2_UPGRADE', 'Pause on PRI/Upgrade', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 505],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length', undefined, 400],
    ['HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length", undefined, 400],
    ['HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size', undefined, 400],
    ['HPE_INVALID_EOF_STATE', 'Invalid EOF state', undefined, 400],
    ['ECONNRESET', undefined, undefined, null],
    ['EPIPE', undefined, undefined, null],
    [undefined, undefined, undefined, null],
  ];
  it.each(cases)('%s (%s) → %s', (code, reason, raw, status) => {
    expect(replyForClientError(code, reason, raw === undefined ? undefined : packet(raw))?.status ?? null).toBe(status);
  });

  it("keeps the parser's words, printable only", () => {
    expect(replyForClientError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character\u0000 in Content-Length', undefined)).toEqual({
      status: 400,
      reason: 'Invalid character in Content-Length',
    });
  });
});

describe('errorResponseBytes', () => {
  it('writes a complete response that closes the connection', () => {
    const text = errorResponseBytes({ status: 431, reason: 'too big' }).toString('latin1');
    const body = 'Request Header Fields Too Large: too big\n';
    expect(text).toBe(
      `HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
});

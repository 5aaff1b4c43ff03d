import { describe, expect, it } from 'vitest';
import { ResponseParser } from './responseParser.ts';

interface Seen {
  responses: Array<[number, boolean]>;
  ok: boolean;
  parser: ResponseParser;
}

/** Feeds `pieces` one read at a time, each through a larger buffer with stale bytes after it. */
function feed(pieces: string[], options: { head?: boolean } = {}): Seen {
  const responses: Array<[number, boolean]> = [];
  const parser = new ResponseParser((status, keepAlive) => responses.push([status, keepAlive]));
  parser.expectNoBody = options.head ?? false;
  let ok = true;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'latin1');
    // Like the socket's shared read buffer: valid bytes at an offset, garbage after them.
    const readBuffer = Buffer.alloc(bytes.length + 64, '\r\n\r\nHTTP/1.1 999 stale\r\n\r\n');
    bytes.copy(readBuffer, 7);
    if (!parser.execute(readBuffer, 7, 7 + bytes.length)) {
      ok = false;
      break;
    }
  }
  return { responses, ok, parser };
}

/** Every way to split `text` in two, plus one byte at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], text.split('')];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

const OK_LENGTH = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello';
const CHUNKED =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
  '5;ext=1\r\nhello\r\n' +
  'A\r\n0123456789\r\n' +
  '0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n';

describe('ResponseParser framing', () => {
  it.each(splits(OK_LENGTH))('Content-Length body in pieces %#', (...pieces) => {
    const seen = feed(pieces);
    expect(seen.ok).toBe(true);
    expect(seen.responses).toEqual([[200, true]]);
    expect(seen.parser.inResponse).toBe(false);
  });

  it.each(splits(CHUNKED))('chunked with extensions and trailers in pieces %#', (...pieces) => {
    const seen = feed(pieces);
    expect(seen.ok).toBe(true);
    expect(seen.responses).toEqual([[200, true]]);
  });

  it('does not complete until the last byte of the body', () => {
    const seen = feed([OK_LENGTH.slice(0, -1)]);
    expect(seen.responses).toEqual([]);
    expect(seen.parser.inResponse).toBe(true);
  });

  it('reports pipelined responses in order, from one read', () => {
    const seen = feed([OK_LENGTH + 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n' + CHUNKED]);
    expect(seen.responses).toEqual([
      [200, true],
      [404, true],
      [200, true],
    ]);
  });

  it.each([
    ['204', 'HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n'],
    ['304', 'HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n'],
  ])('%s has no body whatever its Content-Length says', (status, text) => {
    expect(feed([text + OK_LENGTH]).responses).toEqual([
      [Number(status), true],
      [200, true],
    ]);
  });

  it('a response to HEAD has no body', () => {
    const seen = feed(['HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n'], { head: true });
    expect(seen.responses).toEqual([[200, true]]);
  });

  it('skips 100 Continue before the real response', () => {
    expect(feed(['HTTP/1.1 100 Continue\r\n\r\n' + OK_LENGTH]).responses).toEqual([[200, true]]);
  });

  it('a body without length ends at close', () => {
    const seen = feed(['HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome', ' bytes']);
    expect(seen.responses).toEqual([]);
    expect(seen.parser.finish()).toBe(true);
    expect(seen.responses).toEqual([[200, false]]);
  });

  it('close in the middle of a sized body is not a response', () => {
    const seen = feed([OK_LENGTH.slice(0, -2)]);
    expect(seen.parser.finish()).toBe(false);
    expect(seen.responses).toEqual([]);
  });

  it.each([
    ['Connection: close on 1.1', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', false],
    ['token list with close', 'HTTP/1.1 200 OK\r\nconnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 default', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 keep-alive', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 default', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', true],
  ])('keep-alive: %s', (_name, text, keepAlive) => {
    expect(feed([text]).responses).toEqual([[200, keepAlive]]);
  });

  it('Transfer-Encoding chunked wins over Content-Length', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n';
    expect(feed([text]).responses).toEqual([[200, true]]);
  });

  it.each([
    ['a status line that is not HTTP', 'SMTP/1.1 200 OK\r\n\r\n', 'not an HTTP/1.x status line'],
    ['a three-letter status', 'HTTP/1.1 20x OK\r\n\r\n', 'malformed status line'],
    ['a status of 600', 'HTTP/1.1 600 Nope\r\n\r\n', 'malformed status line'],
    ['a header without colon', 'HTTP/1.1 200 OK\r\nBroken header\r\n\r\n', 'malformed header line'],
    ['conflicting lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', 'bad or conflicting Content-Length'],
    ['a negative length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'bad or conflicting Content-Length'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'bad chunk size'],
    ['chunk data past its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n', 'chunk data longer than its size'],
    ['a huge chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffff\r\n', 'chunk size too large'],
  ])('rejects %s', (_name, text, reason) => {
    const seen = feed([text]);
    expect(seen.ok).toBe(false);
    expect(seen.parser.error).toBe(reason);
    expect(seen.responses).toEqual([]);
  });

  it('rejects a head larger than 64 KiB, even when it arrives in small pieces', () => {
    const big = 'HTTP/1.1 200 OK\r\n' + `X-Big: ${'a'.repeat(70 * 1024)}\r\n`;
    const pieces = big.match(/[\s\S]{1,1000}/g) ?? [];
    const seen = feed(pieces);
    expect(seen.ok).toBe(false);
    expect(seen.parser.error).toBe('response head larger than 64 KiB');
  });

  it.each([
    ['random bytes', '\x8f\x03\xd2garbage without any line end'],
    ['a text reply', 'hello\n'],
    ['an HTTP/2 status line', 'HTTP/2 200\r\n'],
    ['a status line without the space', 'HTTP/1.1200 OK\r\n'],
  ])('rejects %s at once, without waiting for a blank line', (_name, text) => {
    for (const pieces of [[text], text.split('')]) {
      const seen = feed(pieces);
      expect(seen.ok).toBe(false);
      expect(seen.parser.error).toBe('not an HTTP/1.x status line');
    }
  });

  it('accepts a status line that arrives one byte at a time', () => {
    const seen = feed('HTTP/1.0 '.split(''));
    expect(seen.ok).toBe(true);
    expect(seen.parser.inResponse).toBe(true);
  });

  it('starts clean after reset', () => {
    const seen = feed([OK_LENGTH.slice(0, 20)]);
    seen.parser.reset();
    expect(seen.parser.inResponse).toBe(false);
    const bytes = Buffer.from(OK_LENGTH, 'latin1');
    expect(seen.parser.execute(bytes, 0, bytes.length)).toBe(true);
    expect(seen.responses).toEqual([[200, true]]);
  });
});

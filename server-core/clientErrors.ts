// The answer to input node:http's parser (llhttp) refuses, or to a request too slow to arrive:
// the RFC 9112 status for the parser's error, written raw, and the connection closed after it.
import { STATUS_CODES } from 'node:http';

export interface ErrorReply {
  status: number;
  /** One line for the body, e.g. "Duplicate Content-Length". */
  reason: string;
}

const TOKEN_METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ /;
const VERSION_IN_REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/(\d)\.(\d)\r\n/;

/**
 * The reply for a client error node:http reports: parser errors (`HPE_*`) and request timeouts
 * get a status; socket errors (ECONNRESET, EPIPE, …) get none, the connection is just closed.
 * `rawPacket` is the chunk the parser failed in, when node:http provides it.
 */
export function replyForClientError(code: string | undefined, reason: string | undefined, rawPacket: Uint8Array | undefined): ErrorReply | null {
  const head = rawPacket === undefined ? '' : Buffer.from(rawPacket.buffer, rawPacket.byteOffset, Math.min(rawPacket.byteLength, 512)).toString('latin1');
  const said = printable(reason);
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'the request did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'the request line and headers are larger than this server accepts' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, reason: 'chunk extensions are larger than this server accepts' };
    case 'HPE_INVALID_METHOD':
      // A well-formed token this server does not know is an unimplemented method; anything
      // else (binary, a TLS hello) is not HTTP at all.
      return TOKEN_METHOD.test(head) ? { status: 501, reason: `method ${head.split(' ')[0] ?? ''} is not implemented` } : { status: 400, reason: said || 'not an HTTP request' };
    case 'HPE_INVALID_VERSION': {
      // A well-formed request line naming a version other than 1.x is an unsupported version;
      // the parser also says "invalid version" for what follows a good one (a bare LF).
      const version = VERSION_IN_REQUEST_LINE.exec(head);
      return version && !(version[1] === '1' && (version[2] === '0' || version[2] === '1')) ? { status: 505, reason: `HTTP/${version[1]}.${version[2]} is not supported (HTTP/1.1 and HTTP/1.0 are)` } : { status: 400, reason: said || 'malformed HTTP version' };
    }
    case 'HPE_PAUSED_H2_UPGRADE':
      return { status: 505, reason: 'HTTP/2 is not supported (HTTP/1.1 and HTTP/1.0 are)' };
    default:
      if (code?.startsWith('HPE_')) return { status: 400, reason: said || 'malformed request' };
      return null;
  }
}

/** The full response for a reply, with `Connection: close`. */
export function errorResponseBytes(reply: ErrorReply): Buffer {
  const body = `${STATUS_CODES[reply.status] ?? 'Error'}: ${reply.reason}\n`;
  return Buffer.from(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Error'}\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
    'latin1',
  );
}

/** The parser's own words, printable ASCII only and short. */
function printable(text: string | undefined): string {
  return (text ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 120);
}

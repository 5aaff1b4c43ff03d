// Incremental HTTP/1.x response framing for the load generator's hot path.
//
// It finds where each response ends (Content-Length, chunked with extensions and trailers,
// close-delimited, or no body for HEAD / 1xx / 204 / 304) and reports its status; it does not
// keep bodies or header values. Bytes may arrive split anywhere, and several responses may
// arrive in one chunk (pipelining): every complete one is reported, in order.

const CR = 13;
const LF = 10;
const MAX_HEAD_BYTES = 64 * 1024;

const STATE_HEAD = 0;
const STATE_BODY_LENGTH = 1;
const STATE_CHUNK_SIZE = 2;
const STATE_CHUNK_EXT = 3;
const STATE_CHUNK_SIZE_LF = 4;
const STATE_CHUNK_DATA = 5;
const STATE_CHUNK_DATA_CR = 6;
const STATE_CHUNK_DATA_LF = 7;
const STATE_TRAILER_LINE_START = 8;
const STATE_TRAILER_LINE = 9;
const STATE_TRAILER_LF = 10;
const STATE_TRAILER_END_LF = 11;
const STATE_BODY_UNTIL_CLOSE = 12;
const STATE_ERROR = 13;

/** Called once per complete response. `keepAlive` is false when the server will close. */
export type ResponseCallback = (statusCode: number, keepAlive: boolean) => void;

function lowerByte(byte: number): number {
  return byte >= 65 && byte <= 90 ? byte | 0x20 : byte;
}

/** True when buf[start, end) equals the lower-case ASCII `name`, ignoring case. */
function equalsIgnoreCase(buf: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) {
    if (lowerByte(buf[start + i] ?? 0) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** True when the comma-separated list buf[start, end) contains `token` (lower-case). */
function listHasToken(buf: Uint8Array, start: number, end: number, token: string): boolean {
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || buf[i] === 44) {
      let a = itemStart;
      let b = i;
      while (a < b && (buf[a] === 32 || buf[a] === 9)) a++;
      while (b > a && (buf[b - 1] === 32 || buf[b - 1] === 9)) b--;
      if (equalsIgnoreCase(buf, a, b, token)) return true;
      itemStart = i + 1;
    }
  }
  return false;
}

/** The last token of the comma-separated list buf[start, end) equals `token`. */
function listEndsWithToken(buf: Uint8Array, start: number, end: number, token: string): boolean {
  let b = end;
  while (b > start && (buf[b - 1] === 32 || buf[b - 1] === 9)) b--;
  let a = b;
  while (a > start && buf[a - 1] !== 44) a--;
  while (a < b && (buf[a] === 32 || buf[a] === 9)) a++;
  return equalsIgnoreCase(buf, a, b, token);
}

const STATUS_PREFIX = 'HTTP/1.';

/**
 * True while buf[start, end) can still be the start of "HTTP/1.d ": a reply that cannot is
 * refused at its first bytes instead of waiting for a blank line that may never come.
 */
function couldStartStatusLine(buf: Uint8Array, start: number, end: number): boolean {
  const checked = Math.min(end - start, STATUS_PREFIX.length + 2);
  for (let i = 0; i < checked; i++) {
    const byte = buf[start + i] ?? 0;
    if (i < STATUS_PREFIX.length) {
      if (byte !== STATUS_PREFIX.charCodeAt(i)) return false;
    } else if (i === STATUS_PREFIX.length) {
      if (byte < 48 || byte > 57) return false;
    } else if (byte !== 32) {
      return false;
    }
  }
  return true;
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  const lower = byte | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

export class ResponseParser {
  /** Set before each request: a response to HEAD has no body whatever its headers say. */
  expectNoBody = false;
  /** Why parsing failed; set once the parser is in its error state. */
  error: string | null = null;
  /** Size of the last response head, status line to blank line included. */
  headBytes = 0;

  private state = STATE_HEAD;
  private pendingHead: Buffer | null = null;
  private remaining = 0;
  private statusCode = 0;
  private keepAlive = true;
  private chunkSizeDigits = 0;
  private readonly onResponse: ResponseCallback;

  constructor(onResponse: ResponseCallback) {
    this.onResponse = onResponse;
  }

  /** True while a response has started arriving but is not complete. */
  get inResponse(): boolean {
    return this.state !== STATE_HEAD || this.pendingHead !== null;
  }

  /** Forget any partial response (the connection was replaced). */
  reset(): void {
    this.state = STATE_HEAD;
    this.pendingHead = null;
    this.error = null;
    this.remaining = 0;
  }

  /**
   * Feeds buf[start, end). Returns false once the stream is malformed (then `error` says why);
   * the connection must be dropped.
   */
  execute(buf: Buffer, start: number, end: number): boolean {
    let pos = start;
    while (pos < end) {
      switch (this.state) {
        case STATE_HEAD:
          pos = this.readHead(buf, pos, end);
          break;
        case STATE_BODY_LENGTH: {
          const take = Math.min(this.remaining, end - pos);
          this.remaining -= take;
          pos += take;
          if (this.remaining === 0) this.complete();
          break;
        }
        case STATE_BODY_UNTIL_CLOSE:
          return true;
        case STATE_CHUNK_DATA: {
          const take = Math.min(this.remaining, end - pos);
          this.remaining -= take;
          pos += take;
          if (this.remaining === 0) this.state = STATE_CHUNK_DATA_CR;
          break;
        }
        case STATE_ERROR:
          return false;
        default:
          this.chunkByte(buf[pos] ?? 0);
          pos++;
      }
      if (this.state === STATE_ERROR) return false;
    }
    return true;
  }

  /**
   * The server closed the connection. Returns true when that ended a close-delimited body
   * (a complete response); false when a response was cut short (a read error if one was due).
   */
  finish(): boolean {
    if (this.state === STATE_BODY_UNTIL_CLOSE) {
      this.complete();
      return true;
    }
    return false;
  }

  private fail(reason: string): void {
    this.state = STATE_ERROR;
    this.error = reason;
  }

  private complete(): void {
    this.state = STATE_HEAD;
    this.onResponse(this.statusCode, this.keepAlive);
  }

  /** Reads header bytes from pos; returns the position after what it consumed. */
  private readHead(buf: Buffer, pos: number, end: number): number {
    if (this.pendingHead === null) {
      if (!couldStartStatusLine(buf, pos, end)) {
        this.fail('not an HTTP/1.x status line');
        return end;
      }
      const headEnd = buf.indexOf('\r\n\r\n', pos, 'latin1');
      if (headEnd !== -1 && headEnd + 4 <= end) {
        this.headBytes = headEnd + 4 - pos;
        this.parseHead(buf, pos, headEnd);
        return headEnd + 4;
      }
      if (end - pos > MAX_HEAD_BYTES) {
        this.fail('response head larger than 64 KiB');
        return end;
      }
      this.pendingHead = Buffer.from(buf.subarray(pos, end));
      return end;
    }
    // The head is split across reads: search the joined bytes (rare, so a copy is fine).
    const previousLength = this.pendingHead.length;
    const joined = Buffer.concat([this.pendingHead, buf.subarray(pos, end)]);
    if (previousLength < STATUS_PREFIX.length + 2 && !couldStartStatusLine(joined, 0, joined.length)) {
      this.fail('not an HTTP/1.x status line');
      return end;
    }
    const headEnd = joined.indexOf('\r\n\r\n', Math.max(0, previousLength - 3), 'latin1');
    if (headEnd === -1) {
      if (joined.length > MAX_HEAD_BYTES) {
        this.fail('response head larger than 64 KiB');
        return end;
      }
      this.pendingHead = joined;
      return end;
    }
    this.pendingHead = null;
    this.headBytes = headEnd + 4;
    this.parseHead(joined, 0, headEnd);
    return pos + (headEnd + 4 - previousLength);
  }

  /** Parses the status line and the headers that frame the body; buf[start, headEnd) excludes the blank line. */
  private parseHead(buf: Buffer, start: number, headEnd: number): void {
    // "HTTP/1.x SSS"
    if (headEnd - start < 12 || buf.toString('latin1', start, start + 7) !== 'HTTP/1.' || buf[start + 8] !== 32) {
      this.fail('malformed status line');
      return;
    }
    const minor = (buf[start + 7] ?? 0) - 48;
    const d1 = (buf[start + 9] ?? 0) - 48;
    const d2 = (buf[start + 10] ?? 0) - 48;
    const d3 = (buf[start + 11] ?? 0) - 48;
    if (minor < 0 || minor > 9 || d1 < 1 || d1 > 5 || d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9) {
      this.fail('malformed status line');
      return;
    }
    const statusCode = d1 * 100 + d2 * 10 + d3;
    let keepAlive = minor >= 1;
    let contentLength = -1;
    let chunked = false;

    let lineStart = buf.indexOf(LF, start) + 1;
    while (lineStart > 0 && lineStart < headEnd) {
      let lineEnd = buf.indexOf(LF, lineStart);
      if (lineEnd === -1 || lineEnd > headEnd) lineEnd = headEnd;
      const contentEnd = buf[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
      const colon = buf.indexOf(58, lineStart);
      if (colon === -1 || colon > contentEnd) {
        this.fail('malformed header line');
        return;
      }
      let valueStart = colon + 1;
      while (valueStart < contentEnd && (buf[valueStart] === 32 || buf[valueStart] === 9)) valueStart++;
      let valueEnd = contentEnd;
      while (valueEnd > valueStart && (buf[valueEnd - 1] === 32 || buf[valueEnd - 1] === 9)) valueEnd--;
      const nameLength = colon - lineStart;
      if (nameLength === 14 && equalsIgnoreCase(buf, lineStart, colon, 'content-length')) {
        const value = parseDecimal(buf, valueStart, valueEnd);
        if (value < 0 || (contentLength !== -1 && contentLength !== value)) {
          this.fail('bad or conflicting Content-Length');
          return;
        }
        contentLength = value;
      } else if (nameLength === 17 && equalsIgnoreCase(buf, lineStart, colon, 'transfer-encoding')) {
        chunked = listEndsWithToken(buf, valueStart, valueEnd, 'chunked');
      } else if (nameLength === 10 && equalsIgnoreCase(buf, lineStart, colon, 'connection')) {
        if (listHasToken(buf, valueStart, valueEnd, 'close')) keepAlive = false;
        else if (listHasToken(buf, valueStart, valueEnd, 'keep-alive')) keepAlive = true;
      }
      lineStart = lineEnd + 1;
    }

    this.statusCode = statusCode;
    this.keepAlive = keepAlive;
    if (statusCode >= 100 && statusCode < 200 && statusCode !== 101) {
      // Informational: the real response follows.
      this.state = STATE_HEAD;
      return;
    }
    if (this.expectNoBody || statusCode === 204 || statusCode === 304 || statusCode === 101) {
      this.complete();
      return;
    }
    if (chunked) {
      this.state = STATE_CHUNK_SIZE;
      this.remaining = 0;
      this.chunkSizeDigits = 0;
      return;
    }
    if (contentLength >= 0) {
      if (contentLength === 0) {
        this.complete();
      } else {
        this.remaining = contentLength;
        this.state = STATE_BODY_LENGTH;
      }
      return;
    }
    this.keepAlive = false;
    this.state = STATE_BODY_UNTIL_CLOSE;
  }

  private chunkByte(byte: number): void {
    switch (this.state) {
      case STATE_CHUNK_SIZE: {
        const digit = hexValue(byte);
        if (digit >= 0) {
          if (++this.chunkSizeDigits > 12) return this.fail('chunk size too large');
          this.remaining = this.remaining * 16 + digit;
        } else if (this.chunkSizeDigits === 0) {
          this.fail('bad chunk size');
        } else if (byte === CR) {
          this.state = STATE_CHUNK_SIZE_LF;
        } else if (byte === 59 || byte === 32 || byte === 9) {
          this.state = STATE_CHUNK_EXT;
        } else {
          this.fail('bad chunk size');
        }
        return;
      }
      case STATE_CHUNK_EXT:
        if (byte === CR) this.state = STATE_CHUNK_SIZE_LF;
        return;
      case STATE_CHUNK_SIZE_LF:
        if (byte !== LF) return this.fail('bad chunk size line');
        this.chunkSizeDigits = 0;
        this.state = this.remaining === 0 ? STATE_TRAILER_LINE_START : STATE_CHUNK_DATA;
        return;
      case STATE_CHUNK_DATA_CR:
        if (byte !== CR) return this.fail('chunk data longer than its size');
        this.state = STATE_CHUNK_DATA_LF;
        return;
      case STATE_CHUNK_DATA_LF:
        if (byte !== LF) return this.fail('chunk data longer than its size');
        this.remaining = 0;
        this.state = STATE_CHUNK_SIZE;
        return;
      case STATE_TRAILER_LINE_START:
        this.state = byte === CR ? STATE_TRAILER_END_LF : STATE_TRAILER_LINE;
        return;
      case STATE_TRAILER_LINE:
        if (byte === CR) this.state = STATE_TRAILER_LF;
        return;
      case STATE_TRAILER_LF:
        if (byte !== LF) return this.fail('bad trailer line');
        this.state = STATE_TRAILER_LINE_START;
        return;
      case STATE_TRAILER_END_LF:
        if (byte !== LF) return this.fail('bad end of chunked body');
        this.complete();
        return;
      default:
        this.fail('parser in an unknown state');
    }
  }
}

/** Parses an unsigned decimal in buf[start, end); -1 when empty, not a number, or too large. */
function parseDecimal(buf: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (buf[i] ?? 0) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

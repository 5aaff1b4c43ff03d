// Loopback clients for the server-core integration tests: a plain HTTP request on its own
// connection, raw bytes over a socket, and a parser for the responses that come back.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import type { ServerConfigInput } from '../config.ts';
import { startServer, type BuiltinServer } from '../server.ts';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() when the whole response had arrived. */
  doneAtMs: number;
}

export interface RequestOptions {
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Reuse connections through this agent; by default each request has its own (`Connection: close`). */
  agent?: http.Agent;
}

/** One request; by default on a connection of its own that the client closes after it. */
export function request(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), doneAtMs: performance.now() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface RawResult {
  /** Everything the server sent. */
  data: Buffer;
  /** The server closed the connection (rather than the client giving up after `waitMs`). */
  closedByServer: boolean;
}

/**
 * Writes `bytes` on a fresh connection (in one write) and collects what comes back until the
 * server closes the connection or `waitMs` passes.
 */
export function rawExchange(port: number, bytes: Buffer | string, waitMs = 2000): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') closedByServer = true;
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data: Buffer.concat(chunks), closedByServer });
    });
  });
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits raw bytes into the HTTP/1.1 responses they hold (bodies framed by Content-Length). */
export function parseResponses(data: Buffer, headRequests = 0): ParsedResponse[] {
  const responses: ParsedResponse[] = [];
  let text = data.toString('latin1');
  let heads = headRequests;
  while (text.length > 0) {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let length = status >= 100 && status < 200 ? 0 : Number(headers['content-length'] ?? 0);
    if (heads > 0 && status >= 200) {
      heads--;
      length = 0;
    }
    responses.push({ status, headers, body: text.slice(end + 4, end + 4 + length) });
    text = text.slice(end + 4 + length);
  }
  return responses;
}

/** Starts a server on 127.0.0.1, port 0, runs `body`, and always stops it. */
export async function withServer<T>(config: ServerConfigInput, body: (server: BuiltinServer, port: number) => Promise<T>): Promise<T> {
  const server = await startServer({ host: '127.0.0.1', port: 0, ...config });
  try {
    return await body(server, server.address.port);
  } finally {
    await server.stop(500);
  }
}

/** Resolves with the first telemetry sample that satisfies `test` (or rejects after `timeoutMs`). */
export function nextSample(server: BuiltinServer, test: (sample: ServerTelemetrySample) => boolean, timeoutMs = 5000): Promise<ServerTelemetrySample> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.off('telemetry', listener);
      reject(new Error(`no matching telemetry sample within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (sample: ServerTelemetrySample): void => {
      if (!test(sample)) return;
      clearTimeout(timer);
      server.off('telemetry', listener);
      resolve(sample);
    };
    server.on('telemetry', listener);
  });
}

/** Server-Timing's queue and service durations of a response, ms, and the handler that ran it. */
export function serverTiming(header: string | string[] | undefined): { queueMs: number; serviceMs: number; handler: string } {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
  const queue = /queue;dur=([\d.]+)/.exec(text)?.[1];
  const service = /service;dur=([\d.]+)/.exec(text)?.[1];
  const handler = /handler;desc="([^"]*)"/.exec(text)?.[1];
  if (queue === undefined || service === undefined || handler === undefined) throw new Error(`no Server-Timing in "${text}"`);
  return { queueMs: Number(queue), serviceMs: Number(service), handler };
}

/**
 * Groups completion times into waves: a completion more than `gapMs` after the previous one
 * starts a new wave. Returns the number of completions in each wave, in order.
 */
export function waves(doneAtMs: number[], gapMs: number): number[] {
  const sorted = [...doneAtMs].sort((a, b) => a - b);
  const sizes: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const at of sorted) {
    if (at - previous > gapMs || sizes.length === 0) sizes.push(1);
    else sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + 1;
    previous = at;
  }
  return sizes;
}

/** A raw connection for request-by-request exchanges: write bytes, await the next response. */
export class RawConnection {
  private readonly socket: net.Socket;
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  /** Resolves when the server (or the network) closes the connection. */
  readonly closed: Promise<void>;
  closedByServer = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on('end', () => {
        this.closedByServer = true;
        socket.end();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.waiter?.();
        resolve();
      });
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** The next complete response (bodies framed by Content-Length); rejects if the connection closes first. */
  async nextResponse(): Promise<ParsedResponse> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('latin1'))?.[1] ?? 0);
        if (this.buffer.length >= end + 4 + length) {
          const [response] = parseResponses(this.buffer.subarray(0, end + 4 + length));
          this.buffer = this.buffer.subarray(end + 4 + length);
          if (response !== undefined) return response;
        }
      }
      if (this.socket.destroyed) throw new Error('the connection closed before a complete response');
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiter = null;
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

// Loopback servers for the bench-runner integration tests: each listens on 127.0.0.1, port 0,
// counts what it sees, and closes every connection it still holds when the test is done.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchConfigDefaults, type BenchConfig } from '../config.ts';

export interface ServerCounters {
  /** TCP connections accepted. */
  connections: number;
  /** Requests received (complete request heads). */
  requests: number;
  /** Requests that carried `Connection: close`. */
  connectionCloseRequests: number;
  /** Requests received per method. */
  methods: Record<string, number>;
}

export interface TestServer {
  readonly port: number;
  readonly url: string;
  readonly counters: ServerCounters;
  close(): Promise<void>;
}

function newCounters(): ServerCounters {
  return { connections: 0, requests: 0, connectionCloseRequests: 0, methods: {} };
}

function countRequest(counters: ServerCounters, method: string, connectionHeader: string | undefined): void {
  counters.requests++;
  counters.methods[method] = (counters.methods[method] ?? 0) + 1;
  if (connectionHeader !== undefined && /(^|,)\s*close\s*(,|$)/i.test(connectionHeader)) counters.connectionCloseRequests++;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

/**
 * A node:http server. `handle` answers each request (the request is already counted; `index`
 * is its 1-based number in arrival order); the default answers 200 "ok".
 */
export async function startHttpServer(
  handle: (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void = (_req, res) => res.end('ok'),
): Promise<TestServer> {
  const counters = newCounters();
  const server = http.createServer((req, res) => {
    countRequest(counters, req.method ?? '', req.headers.connection);
    handle(req, res, counters.requests);
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: net.Socket) => {
    counters.connections++;
    socket.on('error', () => undefined);
  });
  server.on('clientError', (_error, socket: net.Socket) => socket.destroy());
  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    counters,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A node:net server that frames requests itself (heads only: the load generator sends GET and
 * HEAD without bodies) and lets `respond` write whatever bytes it likes. Requests on one socket
 * are answered one after another; `respond` may be async (split writes, delays, never).
 */
export async function startRawServer(
  respond: (socket: net.Socket, index: number, head: string) => void | Promise<void>,
): Promise<TestServer> {
  const counters = newCounters();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    counters.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let pending = '';
    let queue: Promise<void> = Promise.resolve();
    socket.on('data', (data: Buffer) => {
      pending += data.toString('latin1');
      let end = pending.indexOf('\r\n\r\n');
      while (end !== -1) {
        const head = pending.slice(0, end);
        pending = pending.slice(end + 4);
        const method = head.slice(0, head.indexOf(' '));
        const connection = /^connection:(.*)$/im.exec(head)?.[1];
        countRequest(counters, method, connection);
        const index = counters.requests;
        queue = queue.then(async () => {
          if (!socket.destroyed) await respond(socket, index, head);
        });
        end = pending.indexOf('\r\n\r\n');
      }
    });
  });
  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    counters,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that was bound and released, so connecting to it is refused. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Writes `parts` one by one, each on its own turn of the event loop (or after `delayMs`). */
export async function writeInParts(socket: net.Socket, parts: readonly string[], delayMs = 0): Promise<void> {
  for (const part of parts) {
    if (socket.destroyed) return;
    socket.write(part, 'latin1');
    if (delayMs > 0) await sleep(delayMs);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A config for `url` with the project defaults, then `overrides`. */
export function testConfig(url: string, overrides: Partial<BenchConfig> = {}): BenchConfig {
  return { ...benchConfigDefaults, url, ...overrides };
}

/** Lets the servers read whatever the load generator wrote just before it stopped. */
export async function settle(ms = 150): Promise<void> {
  await sleep(ms);
}

/** Polls `condition` every 10 ms until it holds; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Milliseconds on the monotonic clock. */
export function nowMs(): number {
  return performance.now();
}

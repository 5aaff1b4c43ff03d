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

/** A node:http server that also notes when each TCP connection arrived (see startArrivalServer). */
export interface ArrivalServer extends TestServer {
  /** performance.now() at each 'connection' event, in arrival order, ms. */
  readonly arrivalsMs: number[];
}

export interface ArrivalServerOptions {
  /** listen(2) backlog; Node's default is 511. */
  backlog?: number;
  /** Answers each request; the default answers 200 "ok". */
  handle?: (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void;
}

/**
 * Like startHttpServer, with the time each connection was accepted and an optional listen
 * backlog (a small one fills while the thread is blocked: see blockThread).
 */
export async function startArrivalServer(options: ArrivalServerOptions = {}): Promise<ArrivalServer> {
  const counters = newCounters();
  const arrivalsMs: number[] = [];
  const handle = options.handle ?? ((_req: http.IncomingMessage, res: http.ServerResponse) => res.end('ok'));
  const server = http.createServer((req, res) => {
    countRequest(counters, req.method ?? '', req.headers.connection);
    handle(req, res, counters.requests);
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: net.Socket) => {
    arrivalsMs.push(performance.now());
    counters.connections++;
    socket.on('error', () => undefined);
  });
  server.on('clientError', (_error, socket: net.Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: options.backlog }, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}/`,
    counters,
    arrivalsMs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Arrivals per second over the arrivals' span: (n − 1) / (last − first). */
export function arrivalRatePerSec(timesMs: readonly number[]): number {
  const first = timesMs[0];
  const last = timesMs[timesMs.length - 1];
  if (timesMs.length < 2 || first === undefined || last === undefined || last <= first) return Number.NaN;
  return ((timesMs.length - 1) * 1000) / (last - first);
}

/** Gaps between consecutive times, ms. */
export function gapsMs(timesMs: readonly number[]): number[] {
  return timesMs.slice(1).map((t, i) => t - (timesMs[i] ?? t));
}

/**
 * Blocks this thread (its event loop: no accepts, no reads) for `ms`. The load generator's
 * worker threads keep running, so connections keep arriving at a server that does not accept.
 */
export function blockThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A node:net server that answers every accepted connection with an RST, before any request. */
export async function startResetOnAcceptServer(): Promise<TestServer> {
  const counters = newCounters();
  const server = net.createServer((socket) => {
    counters.connections++;
    socket.on('error', () => undefined);
    socket.resetAndDestroy();
  });
  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    counters,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value below which `share` of `values` lie (nearest rank, no interpolation). */
function quantileOf(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * (sorted.length - 1))))] ?? Number.NaN;
}

/**
 * The achieved arrival rate of an evenly spaced schedule, robust to the machine stalling at one
 * end. Arrival i's offset from the schedule is t_i − i / rate; a stall only ever makes arrivals
 * late, so the offsets' lower envelope is where the schedule is. The drift is the 10th percentile
 * of the offsets over the last quarter of the arrivals minus that over the first quarter, and the
 * rate is (n − 1) over the scheduled span plus that drift. A generator that cannot keep the pace
 * falls ever further behind, and its drift shows; one that stalls for a moment and catches up
 * (a burst) does not change it.
 */
export function envelopeArrivalRatePerSec(timesMs: readonly number[], ratePerSec: number): number {
  const n = timesMs.length;
  const quarter = Math.floor(n / 4);
  if (quarter < 1) return Number.NaN;
  const gapMs = 1000 / ratePerSec;
  const offsets = timesMs.map((t, i) => t - i * gapMs);
  const driftMs = quantileOf(offsets.slice(n - quarter), 0.1) - quantileOf(offsets.slice(0, quarter), 0.1);
  return ((n - 1) * 1000) / ((n - 1) * gapMs + driftMs);
}

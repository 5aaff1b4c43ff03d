// The HTTP side of the server thread, the same for every model: node:http (llhttp) parses,
// this file checks what the parser leaves to the application (version, Host, body size), routes,
// reads the body, hands the job to the model and writes its outcome. node:http answers the
// pipelined requests of a connection in order whatever order their handlers finish in. Input the
// parser refuses is answered by the connection book (connections.ts).
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import { replyForClientError } from './clientErrors.ts';
import type { ServerConfig } from './config.ts';
import { Connections, type Exchange } from './connections.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { ABANDONED, failureOutcome, type Job, type JobOutcome, type JobTiming } from './jobs.ts';
import type { Model } from './models/model.ts';
import { expectedResponseBytes, routeRequest, takesBody, type Workload } from './routes.ts';
import type { TelemetryRecorder } from './telemetry.ts';

const FRONT = 'front';
/** Bodies up to this size go out in one write with the head. */
const SMALL_BODY_BYTES = 1024;
const HOST_VALUE = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%!$&'()*+,;=-]*)(?::\d*)?$/;
/** The body of every request without one (shared: nothing writes into it). */
const NO_BODY = new Uint8Array(0);

interface FrontExchange extends Exchange {
  front: HttpFront;
  /** The job to run, kept while the connection's flow limits hold it. */
  job: { workload: Workload; body: Uint8Array; arrivedAtMs: number } | null;
}

/** node:http's response with a slot for its exchange, which the one shared 'close' listener reads. */
class TrackedResponse extends http.ServerResponse {
  exchange: FrontExchange | null = null;
}

/** ".5" for 500 µs: the fraction of a whole-µs duration in ms, as Number → String writes it. */
const MS_FRACTIONS = Array.from({ length: 1000 }, (_, us) => (us === 0 ? '' : `.${String(us).padStart(3, '0').replace(/0+$/, '')}`));

/** A duration in ms with at most 3 decimals, the same text as `${Math.round(us) / 1000}`, without a float-to-string. */
function msText(us: number): string {
  const whole = Math.round(us);
  const ms = Math.floor(whole / 1000);
  return `${ms}${MS_FRACTIONS[whole - ms * 1000] ?? ''}`;
}

/** The latin1 text of the last small body written: the hello body is the same Buffer every time. */
let lastBody: Uint8Array | null = null;
let lastBodyText = '';

function latin1(body: Uint8Array): string {
  if (body !== lastBody) {
    lastBodyText = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
    lastBody = body;
  }
  return lastBodyText;
}

/** The 'close' listener of every response (a shared function: no closure per request). */
function onResponseClose(this: TrackedResponse): void {
  const { exchange } = this;
  if (exchange === null) return;
  this.exchange = null;
  exchange.front.responseClosed(exchange);
}

/** A response of a close-silently server has gone out: close its connection, unread bytes dropped. */
function onSilentResponseFinish(this: TrackedResponse): void {
  const socket = this.exchange?.req.socket;
  if (socket === undefined || socket.destroyed) return;
  socket.end();
  // Closing with request bytes unread makes the system reset the connection, as the journal's server did.
  socket.once('finish', () => socket.destroy());
}

export interface FrontOptions {
  config: ServerConfig;
  model: Model;
  telemetry: TelemetryRecorder;
  /** False when a gate accepts the connections and counts them (`single`). */
  countsConnections: boolean;
  /** When the connection started waiting for its turn, for the first request's wait (`single`). */
  takeWaitStart?: (socket: net.Socket) => number | undefined;
}

export class HttpFront {
  readonly server: http.Server<typeof http.IncomingMessage, typeof TrackedResponse>;
  private readonly connections: Connections;
  private readonly idleWaiters = new Set<() => void>();
  private draining = false;
  private nextJobId = 1;
  /** The last Host value that passed the check (a load generator sends the same one every time). */
  private lastGoodHost: string | undefined;

  constructor(private readonly options: FrontOptions) {
    const { limits } = options.config;
    this.connections = new Connections(options.telemetry, limits, {
      dispatch: (exchange) => this.runJob(exchange as FrontExchange),
      abandoned: () => options.telemetry.jobAbandoned(),
      unanswered: (exchange) => {
        const res = exchange.res as TrackedResponse;
        if (res.exchange === null) return;
        res.exchange = null;
        this.responseClosed(exchange);
      },
    });
    const serverOptions: http.ServerOptions<typeof http.IncomingMessage, typeof TrackedResponse> = {
      ServerResponse: TrackedResponse,
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // node:http checks the two timeouts every 30 s by default; check often enough to keep them.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      insecureHTTPParser: false,
      // Checked here instead, so the refusal is counted and worded like the others.
      requireHostHeader: false,
    };
    const tls = options.config.tls;
    // https.Server is node:http's server over TLS sockets (the same request events, options and
    // connection methods at run time); @types/node types it as a tls.Server only.
    this.server = tls === null ? http.createServer(serverOptions) : (https.createServer({ ...serverOptions, cert: tls.certPem, key: tls.keyPem }) as unknown as http.Server<typeof http.IncomingMessage, typeof TrackedResponse>);
    this.server.maxRequestsPerSocket = limits.maxRequestsPerConnection;
    // RFC 9112 §9.6: a client that half-closes still gets the responses to what it sent; the
    // connection closes after the last of them (node:http's default closes at once).
    (this.server as { httpAllowHalfOpen?: boolean }).httpAllowHalfOpen = true;
    if (tls === null) this.server.on('connection', (socket: net.Socket) => this.onConnection(socket));
    else watchTlsHandshakes(this.server, options.telemetry, (socket) => this.onConnection(socket));
    this.server.on('request', (req, res) => this.onRequest(req, res, false));
    this.server.on('checkContinue', (req, res) => this.onRequest(req, res, true));
    this.server.on('checkExpectation', (req, res) => this.onRequest(req, res, false, 'expectation'));
    this.server.on('clientError', (error: Error & { code?: string; reason?: string; rawPacket?: Buffer }, socket: net.Socket) =>
      this.connections.clientError(socket, replyForClientError(error.code, error.reason, error.rawPacket)),
    );
    this.server.on('connect', (_req: http.IncomingMessage, socket: net.Socket) => {
      socket.on('error', () => socket.destroy());
      this.connections.refuse(socket, { status: 501, reason: 'CONNECT is not implemented: this is an origin server, not a proxy' });
    });
    this.server.on('dropRequest', () => options.telemetry.requestRejected(503));
  }

  /** From now on every response closes its connection; idle connections are closed. */
  beginDrain(): void {
    this.draining = true;
    this.server.closeIdleConnections();
  }

  get inFlight(): number {
    return this.options.telemetry.requestsInFlight;
  }

  /** Resolves true when no request is in flight, false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (idle: boolean): void => {
        clearTimeout(timer);
        this.idleWaiters.delete(onIdle);
        resolve(idle);
      };
      const onIdle = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.idleWaiters.add(onIdle);
    });
  }

  /** Closes every connection at once, answered or not. */
  destroyAll(): void {
    this.connections.destroyAll();
  }

  private onConnection(socket: net.Socket): void {
    if (this.options.countsConnections) this.options.telemetry.connectionAccepted(socket);
    this.connections.opened(socket);
  }

  /** `expectation` marks a request whose Expect header names something other than 100-continue. */
  private onRequest(req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean, expectation?: 'expectation'): void {
    const arrivedAtMs = this.options.takeWaitStart?.(req.socket) ?? performance.now();
    const { telemetry } = this.options;
    const exchange: FrontExchange = { req, res, complete: false, abandoned: false, close: false, running: false, reservedBytes: 0, front: this, job: null };
    const requestsOnConnection = this.connections.began(exchange);
    // node:http says `Connection: close` at the request limit but keeps the connection open until
    // the idle timeout; saying it here closes it after the response.
    const { maxRequestsPerConnection } = this.options.config.limits;
    if (maxRequestsPerConnection > 0 && requestsOnConnection >= maxRequestsPerConnection) exchange.close = true;
    telemetry.requestStarted();
    (res as TrackedResponse).exchange = exchange;
    res.on('close', onResponseClose);
    if (this.options.config.closeSilently) res.on('finish', onSilentResponseFinish);

    const refusal = this.checkRequest(req);
    if (refusal !== null) {
      exchange.close = true;
      this.respond(exchange, rejectionOutcome(refusal));
      return;
    }
    if (expectation !== undefined) {
      this.respond(exchange, rejectionOutcome({ status: 417, message: `cannot meet the expectation "${req.headers.expect ?? ''}" (only 100-continue is supported)` }));
      return;
    }
    // RFC 9112 §6.1: a Transfer-Encoding in an HTTP/1.0 message means its framing is faulty.
    if (req.httpVersionMinor === 0 && req.headers['transfer-encoding'] !== undefined) exchange.close = true;

    const decision = routeRequest(req.method ?? '', req.url ?? '', this.options.config.faultRoutes);
    const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
    if ('rejection' in decision) {
      // The unread body of a request that waits for 100-continue will never come.
      if (expectsContinue && hasBody) exchange.close = true;
      this.respond(exchange, rejectionOutcome(decision.rejection), decision.rejection.allow);
      return;
    }
    const { maxBodyBytes } = this.options.config.limits;
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      exchange.close = true;
      this.respond(exchange, tooLarge(maxBodyBytes));
      return;
    }
    if (!hasBody) {
      exchange.complete = true;
      this.dispatch(exchange, decision.workload, NO_BODY, arrivedAtMs);
      return;
    }
    if (expectsContinue) res.writeContinue();
    this.readBody(exchange, decision.workload, maxBodyBytes, arrivedAtMs);
  }

  /** The response of `exchange` closed: sent, or its connection gone. */
  responseClosed(exchange: Exchange): void {
    const { res } = exchange;
    this.options.telemetry.requestEnded(res.writableFinished ? res.statusCode : null);
    this.connections.ended(exchange);
    if (this.draining) this.server.closeIdleConnections();
    if (this.idleWaiters.size > 0 && this.inFlight === 0) for (const waiter of this.idleWaiters) waiter();
  }

  /** What node:http leaves to the application: the version it parsed and RFC 9112 §3.2's Host rules. */
  private checkRequest(req: http.IncomingMessage): { status: 400 | 505; message: string } | null {
    if (req.httpVersionMajor !== 1) {
      return { status: 505, message: `HTTP/${req.httpVersion} is not supported (HTTP/1.1 and HTTP/1.0 are)` };
    }
    if (req.httpVersionMinor === 1 && req.headers.host === undefined) return { status: 400, message: 'an HTTP/1.1 request needs a Host header' };
    let hosts = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      if (name?.length === 4 && (name === 'Host' || name === 'host' || name.toLowerCase() === 'host')) hosts++;
    }
    if (hosts > 1) return { status: 400, message: 'more than one Host header' };
    const host = req.headers.host;
    if (host !== undefined && host !== this.lastGoodHost) {
      if (!HOST_VALUE.test(host)) return { status: 400, message: 'invalid Host header' };
      this.lastGoodHost = host;
    }
    return null;
  }

  private readBody(exchange: FrontExchange, workload: Workload, maxBodyBytes: number, arrivedAtMs: number): void {
    const { req } = exchange;
    const keep = takesBody(workload);
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > maxBodyBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        // Keep reading (and dropping) until the connection closes, so the 413 can be read.
        req.resume();
        exchange.close = true;
        this.respond(exchange, tooLarge(maxBodyBytes));
        return;
      }
      if (keep) chunks.push(chunk);
    };
    const onEnd = (): void => {
      exchange.complete = true;
      this.dispatch(exchange, workload, keep ? new Uint8Array(Buffer.concat(chunks, bytes)) : NO_BODY, arrivedAtMs);
    };
    req.on('data', onData);
    req.on('end', onEnd);
  }

  /** A complete request goes to the model now, or later when its connection's flow limits allow. */
  private dispatch(exchange: FrontExchange, workload: Workload, body: Uint8Array, arrivedAtMs: number): void {
    exchange.job = { workload, body, arrivedAtMs };
    if (this.connections.admit(exchange, expectedResponseBytes(workload, body.byteLength))) this.runJob(exchange);
  }

  private runJob(exchange: FrontExchange): void {
    const pending = exchange.job;
    if (pending === null) return;
    exchange.job = null;
    const { workload, body, arrivedAtMs } = pending;
    const job: Job = { id: this.nextJobId++, workload, body };
    let outcome: JobOutcome | Promise<JobOutcome>;
    try {
      outcome = this.options.model.run(job, arrivedAtMs, this.connections.clientOf(exchange.req.socket));
    } catch (error) {
      outcome = failureOutcome(500, `server error: ${errorMessage(error)}`, FRONT);
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (done) => this.respond(exchange, done),
        (error: unknown) => this.respond(exchange, failureOutcome(500, `server error: ${errorMessage(error)}`, FRONT)),
      );
    } else {
      this.respond(exchange, outcome);
    }
  }

  /** Writes an outcome; `allow` is the Allow header of a 405. */
  private respond(exchange: Exchange, outcome: JobOutcome, allow?: string): void {
    const { res } = exchange;
    if (outcome === ABANDONED) {
      this.options.telemetry.jobAbandoned();
      return;
    }
    const { config, telemetry } = this.options;
    // A job that ran took its queue wait and service time even when its client has gone since:
    // the work was done, so it is measured (the abandoned-jobs total counts only jobs never run).
    if (outcome.timing !== null) telemetry.recordTiming(outcome.timing);
    if (exchange.abandoned || res.writableEnded || res.destroyed) return;
    // A flat [name, value, …] list: node:http takes it as is, without walking an object's keys.
    const { body } = outcome;
    const headers: string[] = ['Content-Type', outcome.contentType, 'Content-Length', String(body.byteLength)];
    if (config.serverTiming && outcome.timing !== null) headers.push('Server-Timing', serverTimingValue(outcome.timing, outcome.handler));
    if (allow !== undefined) headers.push('Allow', allow);
    // A close-silently server closes after every response without saying so.
    if ((!config.keepAlive && !config.closeSilently) || this.draining || exchange.close) headers.push('Connection', 'close');
    res.writeHead(outcome.status, headers);
    // node:http joins a string body to the head as one chunk; a Buffer would go as a second one.
    if (body.byteLength <= SMALL_BODY_BYTES) res.end(latin1(body), 'latin1');
    else res.end(body);
  }
}

/** Server-Timing values are kept for queue and service times under this many µs (each). */
const CACHED_TIMING_US = 64;
/** ...and for this many handlers (a thread-per-request server names a new one per request). */
const CACHED_HANDLERS = 32;
/** Handler → Server-Timing value by queue µs × CACHED_TIMING_US + service µs ('' until written once). */
const timingValues = new Map<string, string[]>();

/** `queue;dur=0.012, service;dur=0.003, handler;desc="server-thread"`. */
function formatServerTiming(queueUs: number, serviceUs: number, handler: string): string {
  // Joined rather than concatenated: a joined string is flat, and node:http's header-value check
  // (a regular expression) on a concatenated one would first flatten it in the runtime.
  return ['queue;dur=', msText(queueUs), ', service;dur=', msText(serviceUs), ', handler;desc="', handler, '"'].join('');
}

/** The Server-Timing value of a timing: on a fast route, the same few strings again and again, so they are kept. */
function serverTimingValue(timing: JobTiming, handler: string): string {
  const queueUs = Math.round(timing.queueWaitUs);
  const serviceUs = Math.round(timing.serviceUs);
  if (!(queueUs >= 0 && queueUs < CACHED_TIMING_US && serviceUs >= 0 && serviceUs < CACHED_TIMING_US)) return formatServerTiming(queueUs, serviceUs, handler);
  let values = timingValues.get(handler);
  if (values === undefined) {
    if (timingValues.size >= CACHED_HANDLERS) return formatServerTiming(queueUs, serviceUs, handler);
    values = new Array<string>(CACHED_TIMING_US * CACHED_TIMING_US).fill('');
    timingValues.set(handler, values);
  }
  const slot = queueUs * CACHED_TIMING_US + serviceUs;
  let value = values[slot] ?? '';
  if (value === '') {
    value = formatServerTiming(queueUs, serviceUs, handler);
    values[slot] = value;
  }
  return value;
}

function rejectionOutcome(rejection: { status: number; message: string }): JobOutcome {
  return { status: rejection.status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(`${rejection.message}\n`), timing: null, handler: FRONT };
}

function tooLarge(maxBodyBytes: number): JobOutcome {
  return rejectionOutcome({ status: 413, message: `the request body is larger than ${maxBodyBytes} bytes` });
}

/**
 * TLS: a connection counts (and gets its state) once its handshake is done, on the TLS socket
 * the requests arrive on; the handshake is timed from the TCP accept. Node gives the TCP socket
 * and the TLS socket in two events with no public link, so they are matched by the peer's
 * address and port (unique among open connections).
 */
function watchTlsHandshakes(server: net.Server, telemetry: TelemetryRecorder, onSecure: (socket: net.Socket) => void): void {
  const acceptedAtMs = new Map<string, number>();
  const peer = (socket: net.Socket): string => `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;
  server.on('connection', (socket: net.Socket) => {
    const key = peer(socket);
    acceptedAtMs.set(key, performance.now());
    socket.once('close', () => acceptedAtMs.delete(key));
  });
  server.on('secureConnection', (socket: net.Socket) => {
    const key = peer(socket);
    const startMs = acceptedAtMs.get(key);
    acceptedAtMs.delete(key);
    if (startMs !== undefined) telemetry.tlsHandshake((performance.now() - startMs) * 1000);
    socket.on('error', () => socket.destroy());
    onSecure(socket);
  });
  server.on('tlsClientError', (_error: Error, socket: net.Socket) => {
    telemetry.tlsFailed();
    socket.destroy();
  });
}

// The HTTP side of the server thread, the same for every model: node:http (llhttp) parses,
// this file checks what the parser leaves to the application (version, Host, body size), routes,
// reads the body, hands the job to the model and writes its outcome. node:http answers the
// pipelined requests of a connection in order whatever order their handlers finish in. Input the
// parser refuses is answered by the connection book (connections.ts).
import http from 'node:http';
import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import { replyForClientError } from './clientErrors.ts';
import type { ServerConfig } from './config.ts';
import { Connections, type Exchange } from './connections.ts';
import { errorMessage, failureOutcome, type Job, type JobOutcome } from './jobs.ts';
import type { Model } from './models/model.ts';
import { routeRequest, takesBody, type Workload } from './routes.ts';
import type { TelemetryRecorder } from './telemetry.ts';

const FRONT = 'front';
/** Bodies up to this size go out in one write with the head. */
const SMALL_BODY_BYTES = 1024;
const HOST_VALUE = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%!$&'()*+,;=-]*)(?::\d*)?$/;

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
  readonly server: http.Server;
  private readonly connections: Connections;
  private readonly idleWaiters = new Set<() => void>();
  private draining = false;
  private nextJobId = 1;

  constructor(private readonly options: FrontOptions) {
    const { limits } = options.config;
    this.connections = new Connections(options.telemetry);
    this.server = http.createServer({
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // node:http checks the two timeouts every 30 s by default; check often enough to keep them.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      insecureHTTPParser: false,
      // Checked here instead, so the refusal is counted and worded like the others.
      requireHostHeader: false,
    });
    this.server.maxRequestsPerSocket = limits.maxRequestsPerConnection;
    this.server.on('connection', (socket: net.Socket) => this.onConnection(socket));
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
    const exchange: Exchange = { req, res, complete: false, abandoned: false, close: false };
    const requestsOnConnection = this.connections.began(exchange);
    // node:http says `Connection: close` at the request limit but keeps the connection open until
    // the idle timeout; saying it here closes it after the response.
    const { maxRequestsPerConnection } = this.options.config.limits;
    if (maxRequestsPerConnection > 0 && requestsOnConnection >= maxRequestsPerConnection) exchange.close = true;
    telemetry.requestStarted();
    res.on('close', () => {
      telemetry.requestEnded(res.writableFinished ? res.statusCode : null);
      this.connections.ended(exchange);
      if (this.draining) this.server.closeIdleConnections();
      if (this.inFlight === 0) for (const waiter of this.idleWaiters) waiter();
    });

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
      this.dispatch(exchange, decision.workload, new Uint8Array(0), arrivedAtMs);
      return;
    }
    if (expectsContinue) res.writeContinue();
    this.readBody(exchange, decision.workload, maxBodyBytes, arrivedAtMs);
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
      if (name?.length === 4 && name.toLowerCase() === 'host') hosts++;
    }
    if (hosts > 1) return { status: 400, message: 'more than one Host header' };
    const host = req.headers.host;
    if (host !== undefined && !HOST_VALUE.test(host)) return { status: 400, message: 'invalid Host header' };
    return null;
  }

  private readBody(exchange: Exchange, workload: Workload, maxBodyBytes: number, arrivedAtMs: number): void {
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
      this.dispatch(exchange, workload, keep ? new Uint8Array(Buffer.concat(chunks, bytes)) : new Uint8Array(0), arrivedAtMs);
    };
    req.on('data', onData);
    req.on('end', onEnd);
  }

  private dispatch(exchange: Exchange, workload: Workload, body: Uint8Array, arrivedAtMs: number): void {
    const job: Job = { id: this.nextJobId++, workload, body };
    let outcome: JobOutcome | Promise<JobOutcome>;
    try {
      outcome = this.options.model.run(job, arrivedAtMs);
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
    if (exchange.abandoned || res.writableEnded || res.destroyed) return;
    const { config, telemetry } = this.options;
    if (outcome.timing !== null) telemetry.recordTiming(outcome.timing);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': outcome.contentType,
      'Content-Length': outcome.body.byteLength,
    };
    if (config.serverTiming && outcome.timing !== null) {
      const { queueWaitUs, serviceUs } = outcome.timing;
      headers['Server-Timing'] = `queue;dur=${Math.round(queueWaitUs) / 1000}, service;dur=${Math.round(serviceUs) / 1000}, handler;desc="${outcome.handler}"`;
    }
    if (allow !== undefined) headers.Allow = allow;
    if (!config.keepAlive || this.draining || exchange.close) headers.Connection = 'close';
    res.writeHead(outcome.status, headers);
    // node:http joins a string body to the head as one chunk; a Buffer would go as a second one.
    const { body } = outcome;
    if (body.byteLength <= SMALL_BODY_BYTES) res.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1'), 'latin1');
    else res.end(body);
  }
}

function rejectionOutcome(rejection: { status: number; message: string }): JobOutcome {
  return { status: rejection.status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(`${rejection.message}\n`), timing: null, handler: FRONT };
}

function tooLarge(maxBodyBytes: number): JobOutcome {
  return rejectionOutcome({ status: 413, message: `the request body is larger than ${maxBodyBytes} bytes` });
}

// The server thread's book of open connections and the requests outstanding on each, and what
// happens when the parser refuses input on one: the RFC 9112 status, written raw, then the
// connection closed. When complete requests before the bad input are still being handled, the
// error waits for their responses, so every client reads its answers in order.
//
// Backpressure, per connection: at most `maxPipelinedResponses` jobs are with the model at once,
// and none is handed over while the connection's unsent response bytes (expected sizes of the
// jobs it runs plus the socket's write buffer) reach `maxUnsentResponseBytes`. Requests parsed
// beyond that are held here, in order, and the connection is not read until they can go: so a
// client that pipelines without reading costs the server a bounded amount (README, "Memory per
// connection"). A held request whose connection closes is dropped before it starts (abandoned).
import type http from 'node:http';
import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import { errorResponseBytes, type ErrorReply } from './clientErrors.ts';
import type { JobClient } from './jobs.ts';
import type { TelemetryRecorder } from './telemetry.ts';

/** After an error reply, how long the connection may stay open for the client to read it. */
const LINGER_MS = 2000;
/** Held requests are handed over for at most this long per event-loop turn. */
const PUMP_SLICE_MS = 1;

/** One request on its way through the server. */
export interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  /** The whole request (headers and body) has arrived. */
  complete: boolean;
  /** The connection failed while this request was incomplete: it gets no response. */
  abandoned: boolean;
  /** Close the connection after the response. */
  close: boolean;
  /** Handed to the model and not yet answered. */
  running: boolean;
  /** Response bytes counted against the connection's limit while it runs (see expectedResponseBytes). */
  reservedBytes: number;
}

export interface FlowLimits {
  maxPipelinedResponses: number;
  maxUnsentResponseBytes: number;
}

/** Whether a connection may hand one more job to the model. */
export function mayDispatch(running: number, unsentBytes: number, limits: FlowLimits): boolean {
  return running < limits.maxPipelinedResponses && unsentBytes < limits.maxUnsentResponseBytes;
}

/** What the book asks of the HTTP front. */
export interface ConnectionHooks {
  /** Hands a held exchange to the model. */
  dispatch(exchange: Exchange): void;
  /** A held exchange was dropped because its connection closed. */
  abandoned(exchange: Exchange): void;
  /** The connection closed before this exchange's response closed (node:http emits nothing for queued responses). */
  unanswered(exchange: Exchange): void;
}

interface ConnectionState {
  /** In arrival order; usually none or one (an array: a Set grows and shrinks its table per request). */
  outstanding: Exchange[];
  /** A parser error to answer once the complete requests before it are answered. */
  pendingError: ErrorReply | null;
  /** The connection has been refused; further parser errors on it are ignored. */
  refused: boolean;
  /** Requests received on it so far. */
  requests: number;
  /** Exchanges with `running` set, and the sum of their `reservedBytes`. */
  running: number;
  reservedBytes: number;
  /** Complete requests waiting for the flow limits, in arrival order. */
  held: Exchange[];
  /** Reading is stopped by the flow limits (read by node:http through the socket's `_paused`). */
  holding: boolean;
  /** A pump of `held` is scheduled. */
  pumpScheduled: boolean;
  client: JobClient;
}

/** node:http's internals this file relies on (Node 20): its pause flag and the socket's parser. */
interface HttpSocket extends net.Socket {
  _paused?: boolean;
  parser?: { resume(): void } | null;
}

/** The state of an open connection rides on its socket (a property read, not a Map lookup, per request). */
const STATE = Symbol('loadlab.connectionState');

interface TrackedSocket extends net.Socket {
  [STATE]?: ConnectionState | undefined;
}

function stateOf(socket: net.Socket): ConnectionState | undefined {
  return (socket as TrackedSocket)[STATE];
}

export class Connections {
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly telemetry: TelemetryRecorder,
    private readonly limits: FlowLimits,
    private readonly hooks: ConnectionHooks,
  ) {}

  opened(socket: net.Socket): void {
    const state: ConnectionState = {
      outstanding: [],
      pendingError: null,
      refused: false,
      requests: 0,
      running: 0,
      reservedBytes: 0,
      held: [],
      holding: false,
      pumpScheduled: false,
      client: { isGone: () => socket.destroyed },
    };
    (socket as TrackedSocket)[STATE] = state;
    this.sockets.add(socket);
    // node:http stops reading a connection while `_paused` is set, and clears the flag itself
    // whenever its own output drains; a held connection must stay unread until the hold lifts, so
    // the flag reads as set while either node:http or the hold wants it.
    let httpPaused = (socket as HttpSocket)._paused === true;
    Object.defineProperty(socket, '_paused', {
      configurable: true,
      get: () => httpPaused || state.holding,
      set: (paused: boolean) => {
        httpPaused = paused;
      },
    });
    socket.on('drain', () => this.update(socket, state));
    socket.once('close', () => {
      (socket as TrackedSocket)[STATE] = undefined;
      this.sockets.delete(socket);
      for (const exchange of state.held.splice(0)) this.hooks.abandoned(exchange);
      for (const exchange of state.outstanding.slice()) this.hooks.unanswered(exchange);
    });
  }

  /** The client a job of this connection answers to (one object per connection). */
  clientOf(socket: net.Socket): JobClient {
    return stateOf(socket)?.client ?? GONE;
  }

  /**
   * A complete, routed request is ready for the model: true when it may go now (it is then
   * counted as running), false when it is held and will go through hooks.dispatch later. A
   * request is also held while another of its connection runs, so that jobs that run on the
   * server thread start one per event-loop turn and a closed connection is noticed between them.
   */
  admit(exchange: Exchange, reservedBytes: number): boolean {
    const socket = exchange.req.socket;
    const state = stateOf(socket);
    exchange.reservedBytes = reservedBytes;
    if (state === undefined) return true;
    if (state.held.length === 0 && state.running === 0 && mayDispatch(0, socket.writableLength, this.limits)) {
      this.markRunning(state, exchange);
      return true;
    }
    state.held.push(exchange);
    this.update(socket, state);
    return false;
  }

  /** Records a new request on its connection; returns how many the connection has carried. */
  began(exchange: Exchange): number {
    const state = stateOf(exchange.req.socket);
    if (state === undefined) return 1;
    state.outstanding.push(exchange);
    return ++state.requests;
  }

  /** The exchange's response closed (sent, or its connection gone); a waiting error may go now. */
  ended(exchange: Exchange): void {
    const socket = exchange.req.socket;
    const state = stateOf(socket);
    if (state === undefined) return;
    const { outstanding } = state;
    const at = outstanding.indexOf(exchange);
    if (at === 0) outstanding.shift();
    else if (at > 0) outstanding.splice(at, 1);
    if (exchange.running) {
      exchange.running = false;
      state.running--;
      state.reservedBytes -= exchange.reservedBytes;
      this.update(socket, state);
    }
    if (state.pendingError !== null && outstanding.every((other) => other.abandoned)) {
      const reply = state.pendingError;
      state.pendingError = null;
      this.refuse(socket, reply);
    }
  }

  /** A parser error or timeout on `socket` (null for a socket error: close it, no reply). */
  clientError(socket: net.Socket, reply: ErrorReply | null): void {
    const state = stateOf(socket);
    if (reply === null || state === undefined || !socket.writable) {
      socket.destroy();
      return;
    }
    if (state.refused) {
      // An error after the refusal was written (the client's EOF): no need to linger.
      if (state.pendingError === null) socket.destroy();
      return;
    }
    state.refused = true;
    // A response that closes the connection (413) is already on its way: nothing more to say.
    if (state.outstanding.some((exchange) => exchange.close && exchange.res.writableEnded)) return;
    // Complete requests not yet answered are answered first; answered ones are already on their
    // way out in order; an incomplete one (the request that failed) gets the error instead.
    let waitFor = 0;
    for (const exchange of state.outstanding) {
      if (exchange.res.writableEnded) continue;
      if (exchange.complete) waitFor++;
      else exchange.abandoned = true;
    }
    if (waitFor > 0) state.pendingError = reply;
    else this.refuse(socket, reply);
  }

  /** Writes the error reply raw, then closes the connection (lingering a little for the client to read it). */
  refuse(socket: net.Socket, reply: ErrorReply): void {
    this.telemetry.requestRejected(reply.status);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(errorResponseBytes(reply));
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(linger));
  }

  /** Closes every connection at once, answered or not. */
  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private markRunning(state: ConnectionState, exchange: Exchange): void {
    exchange.running = true;
    state.running++;
    state.reservedBytes += exchange.reservedBytes;
  }

  /** Holds or releases reading after a change, and schedules the held requests that may go now. */
  private update(socket: net.Socket, state: ConnectionState): void {
    const hold = state.held.length > 0 || !mayDispatch(state.running, state.reservedBytes + socket.writableLength, this.limits);
    if (state.held.length > 0 && !state.pumpScheduled) {
      state.pumpScheduled = true;
      setImmediate(() => this.pump(socket, state));
    }
    if (hold === state.holding) return;
    state.holding = hold;
    if (hold) {
      socket.pause();
    } else if (!(socket as HttpSocket)._paused && !socket.destroyed) {
      // As node:http resumes a connection it paused: the parser (paused after its last chunk) and the socket.
      (socket as HttpSocket).parser?.resume();
      socket.resume();
    }
  }

  /**
   * Hands held requests to the model while the limits allow, for at most PUMP_SLICE_MS of this
   * thread: jobs that run on the server thread (a blocking `/sleep`) then wait for the next turn,
   * in which a closed connection has been noticed and its held requests are dropped.
   */
  private pump(socket: net.Socket, state: ConnectionState): void {
    state.pumpScheduled = false;
    if (socket.destroyed) {
      for (const exchange of state.held.splice(0)) this.hooks.abandoned(exchange);
      return;
    }
    const startMs = performance.now();
    while (state.held.length > 0 && performance.now() - startMs < PUMP_SLICE_MS && mayDispatch(state.running, state.reservedBytes + socket.writableLength, this.limits)) {
      const next = state.held.shift();
      if (next === undefined) break;
      this.markRunning(state, next);
      this.hooks.dispatch(next);
    }
    this.update(socket, state);
  }
}

/** The client of a connection no longer in the book. */
const GONE: JobClient = { isGone: () => true };

// The server thread's book of open connections and the requests outstanding on each, and what
// happens when the parser refuses input on one: the RFC 9112 status, written raw, then the
// connection closed. When complete requests before the bad input are still being handled, the
// error waits for their responses, so every client reads its answers in order.
import type http from 'node:http';
import type net from 'node:net';
import { errorResponseBytes, type ErrorReply } from './clientErrors.ts';
import type { TelemetryRecorder } from './telemetry.ts';

/** After an error reply, how long the connection may stay open for the client to read it. */
const LINGER_MS = 2000;

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

  constructor(private readonly telemetry: TelemetryRecorder) {}

  opened(socket: net.Socket): void {
    (socket as TrackedSocket)[STATE] = { outstanding: [], pendingError: null, refused: false, requests: 0 };
    this.sockets.add(socket);
    socket.once('close', () => {
      (socket as TrackedSocket)[STATE] = undefined;
      this.sockets.delete(socket);
    });
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
}

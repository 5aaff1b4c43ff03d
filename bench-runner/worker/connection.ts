// One connection of a worker thread: a flat state object and the event handlers that move it.
//
// Invariants:
// - At most one request is outstanding per connection (no pipelining): `awaiting`.
// - `sent` counts the schedule slots used, so in rate mode request k is intended at slot k
//   whatever happened to earlier ones (timeouts and errors still use their slot).
// - Each socket gets a generation number; handlers of a replaced socket do nothing.
// - A reused keep-alive connection that the server closes before any byte of the response
//   (the server timed the connection out as the request went out) is the keep-alive race
//   every HTTP client retries: it counts as a server close, and the same request (same
//   intended time) goes once more on a fresh connection. On a fresh connection it is an error.
import type net from 'node:net';
import { pace, type ConnectionSchedule } from '../pacer.ts';
import { ResponseParser } from '../responseParser.ts';
import type { WorkerContext } from './context.ts';
import { connectLoadSocket } from './socket.ts';

const MIN_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 1000;

export class Connection {
  socket: net.Socket | null = null;
  connected = false;
  connectStartedMs = 0;
  awaiting = false;
  /** Schedule slots used (rate mode) or requests sent (max mode). */
  sent = 0;
  intendedMs = 0;
  sentAtMs = 0;
  /** The request lost to a keep-alive race waits for the next connection. */
  retryPending = false;
  private responsesOnSocket = 0;
  private generation = 0;
  private backoffMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private parser: ResponseParser;

  constructor(
    private readonly context: WorkerContext,
    readonly schedule: ConnectionSchedule | null,
  ) {
    this.parser = this.newParser(0);
  }

  /** One parser per socket: bytes that follow a closing response die with their socket. */
  private newParser(generation: number): ResponseParser {
    const parser = new ResponseParser((statusCode, keepAlive) => {
      if (generation === this.generation) this.onResponse(statusCode, keepAlive);
    });
    parser.expectNoBody = this.context.job.expectNoBody;
    return parser;
  }

  open(): void {
    if (this.context.stopped) return;
    const generation = ++this.generation;
    this.connected = false;
    this.awaiting = false;
    this.responsesOnSocket = 0;
    this.parser = this.newParser(generation);
    this.connectStartedMs = this.context.nowMs();
    const socket = connectLoadSocket(this.context, (bytesRead, buffer) => {
      if (generation === this.generation) this.onData(generation, bytesRead, buffer);
    });
    this.socket = socket;
    socket.on('connect', () => {
      if (generation !== this.generation) return;
      this.connected = true;
      this.backoffMs = 0;
      this.next();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (generation !== this.generation) return;
      if (this.lostToKeepAliveRace()) return;
      this.countSocketError(error);
      this.replace(!this.connected);
    });
    socket.on('close', () => {
      if (generation !== this.generation) return;
      this.onServerClose();
    });
  }

  /** Sends the next request now, later, or never, as the mode and schedule say. */
  next(): void {
    const context = this.context;
    if (context.stopped || !this.connected || this.awaiting || this.socket === null) return;
    const nowMs = context.nowMs();
    if (this.retryPending) {
      this.retryPending = false;
      this.write(this.intendedMs, nowMs);
      return;
    }
    if (this.schedule === null) {
      this.send(nowMs, nowMs);
      return;
    }
    const decision = pace(this.schedule, (nowMs - context.startMs) * 1000, this.sent);
    if (decision.kind === 'send') {
      this.send(context.startMs + decision.intendedUs / 1000, nowMs);
    } else if (decision.kind === 'wait') {
      // The event loop sleeps on a 1 ms clock, so a plain timer sends up to 1 ms late, and
      // that lateness would show up as server latency. Sleep the whole milliseconds, then
      // poll with immediates for the rest (wrk2's event loop does the same): a send is never
      // early and rarely more than a few µs late, at the cost of CPU while a send is due.
      const waitMs = decision.waitUs / 1000;
      if (waitMs >= 1) this.timer = setTimeout(this.onTimer, Math.floor(waitMs));
      else this.immediate = setImmediate(this.onTimer);
    }
  }

  /** Timed out, or the run ended: drop the socket without counting anything. */
  close(): void {
    this.generation++;
    this.clearWait();
    this.socket?.destroy();
    this.socket = null;
    this.connected = false;
    this.awaiting = false;
  }

  /**
   * Replaces the socket with a new one, after a backoff when connecting failed. A request still
   * awaited (and not kept for a keep-alive retry) is given up: unanswered, censored at now.
   */
  replace(afterConnectFailure: boolean): void {
    if (this.awaiting && !this.retryPending && !this.context.stopped) this.context.recorder.giveUp(this.context.nowMs() - this.intendedMs);
    this.close();
    if (this.context.stopped) return;
    if (!afterConnectFailure) {
      this.open();
      return;
    }
    this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, this.backoffMs * 2));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, this.backoffMs);
  }

  private readonly onTimer = (): void => {
    this.timer = null;
    this.immediate = null;
    this.next();
  };

  private clearWait(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  /** Sends the next request: it uses one slot of the schedule. */
  private send(intendedMs: number, nowMs: number): void {
    this.sent++;
    this.write(intendedMs, nowMs);
  }

  private write(intendedMs: number, nowMs: number): void {
    this.intendedMs = intendedMs;
    this.sentAtMs = nowMs;
    this.awaiting = true;
    this.socket?.write(this.context.request);
  }

  /** When the server closed a reused connection before answering, retries the request once. */
  private lostToKeepAliveRace(): boolean {
    if (!this.awaiting || this.parser.inResponse || this.responsesOnSocket === 0) return false;
    this.context.recorder.serverCloses++;
    this.retryPending = true;
    this.replace(false);
    return true;
  }

  private onData(generation: number, bytesRead: number, buffer: Buffer): void {
    this.context.recorder.bytes += bytesRead;
    if (!this.parser.execute(buffer, 0, bytesRead) && generation === this.generation) {
      this.context.recorder.errors.read++;
      this.replace(false);
    }
  }

  private onResponse(statusCode: number, keepAlive: boolean): void {
    const nowMs = this.context.nowMs();
    const wasAwaiting = this.awaiting;
    this.awaiting = false;
    this.responsesOnSocket++;
    if (wasAwaiting) this.context.recorder.response(statusCode, nowMs - this.intendedMs, nowMs - this.sentAtMs);
    if (!keepAlive || !this.context.job.keepAlive) {
      // The server closes (or we asked it to): not an error, open a fresh connection.
      if (this.context.job.keepAlive) this.context.recorder.serverCloses++;
      this.replace(false);
      return;
    }
    this.next();
  }

  private onServerClose(): void {
    const hadResponseInProgress = this.parser.inResponse;
    if (this.parser.finish()) return; // a close-delimited body ended; onResponse replaced the socket
    if (!this.connected) {
      this.context.recorder.errors.connect++;
      this.replace(true);
      return;
    }
    if (this.lostToKeepAliveRace()) return;
    if (this.awaiting || hadResponseInProgress) this.context.recorder.errors.read++;
    else if (this.context.job.keepAlive) this.context.recorder.serverCloses++;
    this.replace(false);
  }

  private countSocketError(error: NodeJS.ErrnoException): void {
    const errors = this.context.recorder.errors;
    if (!this.connected) errors.connect++;
    else if (error.syscall === 'write' || error.code === 'EPIPE') errors.write++;
    else errors.read++;
  }
}

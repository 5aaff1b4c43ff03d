// One connection of a worker thread: a flat state object and the event handlers that move it.
//
// Invariants:
// - At most one request is outstanding per connection (no pipelining): `awaiting`. Bytes that
//   arrive with none outstanding, or a second response in the same read as the first, are a
//   response nobody asked for: a read error, and the socket is dropped. So the next request is
//   written only after the whole read that completed the previous response is parsed.
// - `sent` counts the schedule slots used, so in rate mode request k is intended at slot k
//   whatever happened to earlier ones (timeouts and errors still use their slot). Each slot
//   ends once: answered, failed (one error), in flight at the end, or never sent.
// - Each socket gets a generation number; handlers of a replaced socket do nothing.
// - A reused keep-alive connection that the server closes before any byte of the response
//   (the server timed the connection out as the request went out) is the keep-alive race
//   every HTTP client retries: it counts as a server close, and the same request (same
//   intended time) goes once more on a fresh connection. On a fresh connection it is an error.
// - Reconnects are bounded. A socket that ends before it carried one complete response (refused,
//   reset, closed, connect timeout, a reply that is not HTTP), and within 1 s of its connect,
//   is a failed attempt: the next connect waits 10 ms, doubling to 1 s; a complete response
//   resets the wait. In rate mode, when an attempt fails with an error, every slot due by then
//   fails as a connect error, and so does each slot that comes due while waiting (at its
//   intended time), so errors count scheduled requests, not attempts. In max mode each failed
//   attempt costs the one request it carried or was about to carry. A request timeout replaces
//   its socket at once: the timeout itself bounds that rate.
// - Times are µs on the thread's performance clock (context.nowUs(), context.ts); the schedule's
//   are µs from the run start (pacer.ts), so an intended instant is context.startUs + intendedUs.
// - https: `connected` means the TLS handshake is done (requests may be written); `tcpConnected`
//   that the TCP connect is. A failure between the two is a TLS error (kind in `tlsFailure`),
//   counted like a connect failure but as `errors.tls`. A reconnect offers the session the
//   server gave the previous socket (unless resumption is off). At an http target, a reply
//   that is a TLS record is a TLS protocol error too.
import type net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { connectCauseOf, type ConnectCause } from '../../common/connectCause.ts';
import { dueCountAt, intendedStartUs, pace, type ConnectionSchedule } from '../pacer.ts';
import { ResponseParser } from '../responseParser.ts';
import type { WorkerContext } from './context.ts';
import { connectLoadSocket, readyEvent } from './socket.ts';
import { classifyTlsError, HANDSHAKE_TIMEOUT, plainHttpAtTlsPort, type TlsFailure } from './tlsFailure.ts';

const MIN_BACKOFF_US = 10_000;
const MAX_BACKOFF_US = 1_000_000;

type FailureKind = 'connect' | 'read' | 'write' | 'tls';

export class Connection {
  socket: net.Socket | null = null;
  connected = false;
  /** TCP is connected (for http the same as `connected`; for https the handshake may still run). */
  private tcpConnected = false;
  private tcpConnectedUs = 0;
  /** https: the session the server gave this connection's last socket, offered on reconnect. */
  private tlsSession: Buffer | null = null;
  /** The TLS failure being counted (set just before fail('tls')). */
  private tlsFailure: TlsFailure = HANDSHAKE_TIMEOUT;
  private connectStartedUs = 0;
  awaiting = false;
  /** Schedule slots used (rate mode) or requests sent (max mode). */
  sent = 0;
  /** The outstanding request's intended send (the schedule's slot; max mode: its send). */
  intendedUs = 0;
  private sentAtUs = 0;
  /** The request lost to a keep-alive race waits for the next connection. */
  private retryPending = false;
  private responsesOnSocket = 0;
  private generation = 0;
  /** The wait before the next connect after a failed attempt; 0 once a response completed. */
  private backoffUs = 0;
  /** When the next connect starts; null unless backing off. */
  private reopenAtUs: number | null = null;
  /** The last attempt failed with an error: slots due before the next attempt fail at once. */
  private failing = false;
  /** Why the last attempt failed: the cause of the connect errors of slots that come due while waiting. */
  private failCause: ConnectCause = 'other';
  /** What the slots failed while backing off count as: the kind of the failed attempt. */
  private failingKind: FailureKind = 'connect';
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
    if (this.context.stopped || this.context.draining) return;
    const generation = ++this.generation;
    this.reopenAtUs = null;
    this.connected = false;
    this.tcpConnected = false;
    this.awaiting = false;
    this.responsesOnSocket = 0;
    this.parser = this.newParser(generation);
    this.connectStartedUs = this.context.nowUs();
    this.context.recorder.connects++;
    const tlsJob = this.context.job.tls;
    const session = tlsJob !== null && tlsJob.resume ? this.tlsSession : null;
    const socket = connectLoadSocket(
      this.context,
      (bytesRead, buffer) => {
        if (generation === this.generation) this.onData(generation, bytesRead, buffer);
      },
      session,
    );
    this.socket = socket;
    socket.on('connect', () => {
      if (generation !== this.generation) return;
      this.tcpConnected = true;
      this.tcpConnectedUs = this.context.nowUs();
    });
    socket.on(readyEvent(this.context), () => {
      if (generation !== this.generation) return;
      if (tlsJob !== null) this.onHandshake(socket as TLSSocket);
      this.connected = true;
      this.next();
    });
    if (tlsJob !== null && tlsJob.resume) {
      socket.on('session', (next: Buffer) => {
        this.tlsSession = next;
      });
    }
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (generation !== this.generation) return;
      if (this.lostToKeepAliveRace()) return;
      const kind = this.errorKind(error);
      if (kind === 'tls') this.tlsFailure = classifyTlsError(error);
      this.fail(kind, connectCauseOf(error.code));
    });
    socket.on('close', () => {
      if (generation !== this.generation) return;
      this.onServerClose();
    });
  }

  /** Sends the next request now, later, or never, as the mode and schedule say. */
  next(): void {
    const context = this.context;
    if (context.stopped || context.draining || !this.connected || this.awaiting || this.socket === null) return;
    const nowUs = context.nowUs();
    if (this.retryPending) {
      this.retryPending = false;
      this.write(this.intendedUs, nowUs);
      return;
    }
    if (this.schedule === null) {
      this.send(nowUs, nowUs);
      return;
    }
    const decision = pace(this.schedule, nowUs - context.startUs, this.sent);
    if (decision.kind === 'send') {
      this.send(context.startUs + decision.intendedUs, nowUs);
    } else if (decision.kind === 'wait') {
      // The event loop sleeps on a 1 ms clock, so a plain timer sends up to 1 ms late, and
      // that lateness would show up as server latency. Sleep the whole milliseconds, then
      // poll with immediates for the rest (wrk2's event loop does the same): a send is never
      // early and rarely more than a few µs late, at the cost of CPU while a send is due.
      if (decision.waitUs >= 1000) this.timer = setTimeout(this.onTimer, Math.floor(decision.waitUs / 1000));
      else this.immediate = setImmediate(this.onTimer);
    }
  }

  /** The run ended: drop the socket without counting anything. */
  close(): void {
    this.generation++;
    this.clearWait();
    this.reopenAtUs = null;
    this.socket?.destroy();
    this.socket = null;
    this.connected = false;
    this.awaiting = false;
  }

  /**
   * Called periodically (loadWorker.ts): a request unanswered, or a connect (https: a handshake)
   * unfinished, for longer than the job's timeout ends as a timeout, each counted once.
   */
  checkTimeout(nowUs: number): void {
    const timeoutUs = this.context.job.timeoutMs * 1000;
    if (this.awaiting && nowUs - this.sentAtUs > timeoutUs) this.timedOut();
    else if (this.socket !== null && !this.connected && nowUs - this.connectStartedUs > timeoutUs) this.connectTimedOut();
  }

  /** A request sent and not answered yet, or one waiting to be sent again after a keep-alive race. */
  get inFlight(): boolean {
    return this.awaiting || this.retryPending;
  }

  /** The request outstanding got no answer within the timeout: one timeout, a new socket at once. */
  private timedOut(): void {
    this.context.recorder.errors.timeout++;
    this.context.recorder.giveUp(this.context.nowUs() - this.intendedUs);
    this.replace();
  }

  /** The connect (https: the handshake) did not complete within the timeout: a failed attempt. */
  private connectTimedOut(): void {
    if (this.inHandshake) {
      this.tlsFailure = HANDSHAKE_TIMEOUT;
      this.fail('tls');
      return;
    }
    this.fail('connect', 'timeout');
  }

  /** https: TCP is connected and the handshake not done yet. */
  private get inHandshake(): boolean {
    return this.context.job.tls !== null && this.tcpConnected && !this.connected;
  }

  private onHandshake(socket: TLSSocket): void {
    this.context.recorder.tls.handshake(this.context.nowUs() - this.tcpConnectedUs, socket.isSessionReused(), socket.getProtocol());
  }

  /**
   * Counts `count` requests lost as `kind`: a connect error also by its cause
   * (summary.connectErrorCauses), a TLS failure also by its own kind, with its message.
   */
  private countErrors(kind: FailureKind, count: number, cause: ConnectCause): void {
    const recorder = this.context.recorder;
    if (kind === 'tls') {
      recorder.errors.tls = (recorder.errors.tls ?? 0) + count;
      recorder.tls.failed(this.tlsFailure.kind, this.tlsFailure.message, count);
    } else if (kind === 'connect') {
      recorder.connectError(cause, count);
    } else {
      recorder.errors[kind] += count;
    }
  }

  /**
   * The socket was no failed attempt: it carried a response, or it stayed connected for the
   * longest backoff (a server's idle timeout, say). Replacing it at once still makes at most
   * one connect a second, and a slot never waits for a backoff it did not need.
   */
  private get proven(): boolean {
    return this.responsesOnSocket > 0 || (this.connected && this.context.nowUs() - this.connectStartedUs >= MAX_BACKOFF_US);
  }

  /** Replaces the socket with a new one at once. */
  private replace(): void {
    this.close();
    this.open();
  }

  /**
   * The socket failed before the exchange it carried completed: that request fails once as
   * `kind`, and the socket is replaced; after a failed attempt (no complete response on this
   * socket), later and with the slots due by then failed. Connect errors are counted by `cause`
   * (summary.connectErrorCauses), including the slots that fail while this socket's failure
   * keeps the connection waiting.
   */
  private fail(kind: FailureKind, cause: ConnectCause = 'other'): void {
    const recorder = this.context.recorder;
    // The request this socket carried (or was to carry) ends here: an error, and unanswered, censored
    // at its wait so far (common/censored.ts).
    if (this.awaiting || this.retryPending) {
      this.countErrors(kind, 1, cause);
      recorder.giveUp(this.context.nowUs() - this.intendedUs);
    } else if (this.schedule === null && !this.connected) {
      // Max mode: the request it was about to send, waiting since the connect began.
      this.countErrors(kind === 'tls' ? 'tls' : 'connect', 1, cause);
      recorder.giveUp(this.context.nowUs() - this.connectStartedUs);
    } else if (kind === 'tls') this.countErrors(kind, 0, cause); // keeps the failure's message
    this.retryPending = false;
    if (this.proven) {
      this.replace();
      return;
    }
    this.failing = true;
    this.failCause = cause;
    this.failingKind = kind === 'tls' ? 'tls' : 'connect';
    this.failDueSlots();
    this.backOff();
  }

  /** Rate mode: every slot due by now and not sent fails as a connect (or TLS) error of the last failure's cause. */
  private failDueSlots(): void {
    if (this.schedule === null) return;
    const nowUs = this.context.nowUs();
    const due = dueCountAt(this.schedule, nowUs - this.context.startUs);
    if (due <= this.sent) return;
    const failed = due - this.sent;
    const firstIntendedUs = this.context.startUs + intendedStartUs(this.schedule, this.sent);
    this.countErrors(this.failingKind, failed, this.failCause);
    this.context.recorder.giveUpSlots(nowUs - firstIntendedUs, this.schedule.intervalUs, failed);
    this.sent = due;
  }

  /** Drops the socket and opens the next one after the (grown) backoff. */
  private backOff(): void {
    this.close();
    if (this.context.stopped) return;
    this.backoffUs = Math.min(MAX_BACKOFF_US, Math.max(MIN_BACKOFF_US, this.backoffUs * 2));
    this.reopenAtUs = this.context.nowUs() + this.backoffUs;
    this.waitForReopen();
  }

  /** Sleeps until the backoff ends; while failing in rate mode, also wakes at each slot due before then. */
  private waitForReopen(): void {
    if (this.reopenAtUs === null) return;
    const nowUs = this.context.nowUs();
    let wakeUs = this.reopenAtUs;
    if (this.failing && this.schedule !== null) {
      const decision = pace(this.schedule, nowUs - this.context.startUs, this.sent);
      if (decision.kind === 'wait') wakeUs = Math.min(wakeUs, nowUs + decision.waitUs);
    }
    this.timer = setTimeout(this.onBackoffTimer, Math.max(0, Math.ceil((wakeUs - nowUs) / 1000)));
  }

  private readonly onBackoffTimer = (): void => {
    this.timer = null;
    if (this.context.stopped || this.reopenAtUs === null) return;
    if (this.failing) this.failDueSlots();
    if (this.context.nowUs() >= this.reopenAtUs) this.open();
    else this.waitForReopen();
  };

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
  private send(intendedUs: number, nowUs: number): void {
    this.sent++;
    this.write(intendedUs, nowUs);
  }

  private write(intendedUs: number, nowUs: number): void {
    this.intendedUs = intendedUs;
    this.sentAtUs = nowUs;
    this.awaiting = true;
    this.socket?.write(this.context.request);
  }

  /** When the server closed a reused connection before answering, retries the request once. */
  private lostToKeepAliveRace(): boolean {
    if (!this.awaiting || this.parser.inResponse || this.responsesOnSocket === 0) return false;
    this.context.recorder.serverCloses++;
    this.retryPending = true;
    this.replace();
    return true;
  }

  private onData(generation: number, bytesRead: number, buffer: Buffer): void {
    this.context.recorder.bytes += bytesRead;
    if (!this.awaiting) {
      this.unasked();
      return;
    }
    if (this.context.job.tls === null && this.responsesOnSocket === 0 && !this.parser.inResponse) {
      const failure = plainHttpAtTlsPort(buffer, bytesRead);
      if (failure !== null) {
        this.tlsFailure = failure;
        this.fail('tls');
        return;
      }
    }
    if (!this.parser.execute(buffer, 0, bytesRead)) {
      if (generation === this.generation) this.fail('read');
      return;
    }
    if (generation !== this.generation) return; // a response closed the socket
    if (this.awaiting) return;
    // A response completed; whatever else this read held was not asked for.
    if (this.parser.inResponse) this.unasked();
    else this.next();
  }

  private onResponse(statusCode: number, keepAlive: boolean): void {
    if (!this.awaiting) {
      this.unasked();
      return;
    }
    const nowUs = this.context.nowUs();
    this.awaiting = false;
    this.responsesOnSocket++;
    this.backoffUs = 0;
    this.failing = false;
    this.context.recorder.response(statusCode, nowUs - this.intendedUs, nowUs - this.sentAtUs);
    if (this.context.draining) this.context.recorder.drained++;
    if (!keepAlive || !this.context.job.keepAlive) {
      // The server closes (or we asked it to): not an error, open a fresh connection.
      if (this.context.job.keepAlive) this.context.recorder.serverCloses++;
      this.replace();
    }
    // Otherwise onData sends the next request once the whole read is parsed.
  }

  /** Bytes or a response with no request outstanding: the server answered what nobody asked. */
  private unasked(): void {
    this.context.recorder.errors.read++;
    this.fail('read');
  }

  private onServerClose(): void {
    if (this.parser.finish()) return; // a close-delimited body ended; onResponse replaced the socket
    if (this.inHandshake) {
      this.tlsFailure = { kind: 'handshake', message: 'TLS handshake failed: the server closed the connection during it' };
      this.fail('tls');
      return;
    }
    if (!this.connected) {
      this.fail('connect', 'reset');
      return;
    }
    if (this.lostToKeepAliveRace()) return;
    if (this.awaiting) {
      this.fail('read');
      return;
    }
    // Closed while idle: the server's choice, not an error. A socket that never carried a
    // response still counts as a failed attempt (backoff), but the slots wait for the next one.
    if (this.context.job.keepAlive) this.context.recorder.serverCloses++;
    if (this.proven) {
      this.replace();
      return;
    }
    this.failing = false;
    this.backOff();
  }

  private errorKind(error: NodeJS.ErrnoException): FailureKind {
    if (this.inHandshake) return 'tls';
    if (!this.connected) return 'connect';
    if (error.syscall === 'write' || error.code === 'EPIPE') return 'write';
    return 'read';
  }
}

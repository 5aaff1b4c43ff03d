// One scheduled connection of connection-rate mode (httperf's "call" model): opened at its
// intended time, `numCalls` requests one after another, then closed. Times count from the
// scheduled start, so a slow accept shows in connect time instead of being hidden. Times in µs from
// the context's one clock (context.ts).
// https: connect time ends at the TCP connect, the TLS handshake is timed apart (TCP connected →
// secure) and the first call is sent once it is done; response time is send → first byte. A
// connection offers the session the thread's previous connection got, unless --ssl-no-reuse
// (httperf 0.9 itself reuses a session only between the calls of a --wsess session).
// A failure during the handshake is a TLS error (errors.tls, by kind) and httperf's "other"; so
// is a plain http connection whose first read says the port speaks TLS.
import type net from 'node:net';
import type { ConnErrorKinds } from '../../common/runRecord.ts';
import { ResponseParser } from '../responseParser.ts';
import type { ConnRateRecorder } from './connRateRecorder.ts';
import type { ConnRateJob } from '../messages.ts';
import type { WorkerContext } from './context.ts';
import { connectLoadSocket, readyEvent } from './socket.ts';
import { classifyTlsError, HANDSHAKE_TIMEOUT, plainHttpAtTlsPort, type TlsFailure } from './tlsFailure.ts';
import type { TLSSocket } from 'node:tls';

/** The TLS session the thread's last connection got, offered by the next (resumption). */
export class SessionCache {
  last: Buffer | null = null;
}

const PHASE_CONNECTING = 0;
const PHASE_AWAITING = 1;
const PHASE_DONE = 2;
/** A reply completed and another call is due: it is sent once the whole read is parsed, so a
 * second response in the same read is seen as one nobody asked for. */
const PHASE_REPLIED = 3;

/** httperf's error kind for a socket error code. */
export function connErrorKind(code: string | undefined): keyof ConnErrorKinds {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connRefused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connReset';
    case 'EMFILE':
    case 'ENFILE':
      return 'fdUnavail';
    case 'EADDRNOTAVAIL':
    case 'EADDRINUSE':
      return 'addrUnavail';
    default:
      return 'other';
  }
}

export class CallConnection {
  phase = PHASE_CONNECTING;
  /** When the current phase's clock started: the scheduled start, then each send. */
  phaseStartUs: number;
  private socket: net.Socket | null = null;
  private calls = 0;
  private sentAtUs = 0;
  private firstByteUs = 0;
  private replyBytes = 0;
  /** https: the TCP connect is done and the handshake is running. */
  private tcpConnectedUs: number | null = null;
  private readonly parser: ResponseParser;

  constructor(
    private readonly context: WorkerContext<ConnRateJob>,
    private readonly connections: ConnRateRecorder,
    private readonly numCalls: number,
    private readonly intendedUs: number,
    private readonly onDone: (connection: CallConnection) => void,
    private readonly sessions: SessionCache = new SessionCache(),
  ) {
    this.phaseStartUs = intendedUs;
    this.parser = new ResponseParser((statusCode, keepAlive) => this.onResponse(statusCode, keepAlive));
    this.parser.expectNoBody = context.job.expectNoBody;
  }

  get done(): boolean {
    return this.phase === PHASE_DONE;
  }

  /** Sent and not answered. */
  get awaiting(): boolean {
    return this.phase === PHASE_AWAITING;
  }

  /** A reply completed and the next call waits for the rest of the read (the parser moved the phase). */
  private get replied(): boolean {
    return this.phase === PHASE_REPLIED;
  }

  open(burst: number): void {
    this.connections.opened(burst);
    this.context.recorder.connects++;
    const tlsJob = this.context.job.tls;
    const session = tlsJob !== null && tlsJob.resume ? this.sessions.last : null;
    const socket = connectLoadSocket(this.context, (bytesRead, buffer) => this.onData(bytesRead, buffer), session);
    this.socket = socket;
    socket.on('connect', () => {
      if (this.done) return;
      const nowUs = this.context.nowUs();
      this.connections.connectTime(nowUs - this.intendedUs);
      if (tlsJob !== null) this.tcpConnectedUs = nowUs;
    });
    socket.on(readyEvent(this.context), () => {
      if (this.done) return;
      if (this.tcpConnectedUs !== null) {
        const handshakeUs = this.context.nowUs() - this.tcpConnectedUs;
        this.tcpConnectedUs = null;
        this.connections.tlsHandshakeTime(handshakeUs);
        const tlsSocket = socket as TLSSocket;
        this.context.recorder.tls.handshake(handshakeUs, tlsSocket.isSessionReused(), tlsSocket.getProtocol());
      }
      this.send();
    });
    if (tlsJob !== null && tlsJob.resume) {
      socket.on('session', (next: Buffer) => {
        this.sessions.last = next;
      });
    }
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (this.tcpConnectedUs !== null) this.failTls(classifyTlsError(error));
      else this.fail(connErrorKind(error.code), error.syscall === 'connect' || this.phase === PHASE_CONNECTING);
    });
    socket.on('close', () => {
      if (this.done) return;
      if (this.tcpConnectedUs !== null) {
        this.failTls({ kind: 'handshake', message: 'TLS handshake failed: the server closed the connection during it' });
        return;
      }
      if (this.parser.finish()) return;
      // Closed before the reply ended: httperf counts a reset.
      this.fail('connReset', this.phase === PHASE_CONNECTING);
    });
  }

  /** The current phase ran past the timeout: httperf's client-timo. */
  timeOut(): void {
    if (this.done) return;
    if (this.tcpConnectedUs !== null) {
      this.failTls(HANDSHAKE_TIMEOUT);
      return;
    }
    this.context.recorder.errors.timeout++;
    this.connections.errors.clientTimeout++;
    this.finish(false);
  }

  /** The run ended: drop it, counting nothing. */
  abandon(): void {
    if (this.done) return;
    this.finish(false);
  }

  private send(): void {
    const nowUs = this.context.nowUs();
    this.phase = PHASE_AWAITING;
    this.phaseStartUs = nowUs;
    this.sentAtUs = nowUs;
    this.firstByteUs = 0;
    this.replyBytes = 0;
    this.calls++;
    this.connections.bytesSent += this.context.request.length;
    this.socket?.write(this.context.request);
  }

  private onData(bytesRead: number, buffer: Buffer): void {
    if (this.done) return;
    this.context.recorder.bytes += bytesRead;
    if (this.context.job.tls === null && this.calls === 1 && this.firstByteUs === 0) {
      const failure = plainHttpAtTlsPort(buffer, bytesRead);
      if (failure !== null) {
        this.failTls(failure);
        return;
      }
    }
    if (this.firstByteUs === 0) this.firstByteUs = this.context.nowUs();
    this.replyBytes += bytesRead;
    if (this.phase !== PHASE_AWAITING) {
      this.fail('other', false); // bytes with no call outstanding
      return;
    }
    if (!this.parser.execute(buffer, 0, bytesRead)) {
      if (!this.done) this.fail('other', false);
      return;
    }
    if (!this.replied) return;
    if (this.parser.inResponse) this.fail('other', false);
    else this.send();
  }

  private onResponse(statusCode: number, keepAlive: boolean): void {
    if (this.done) return;
    if (this.phase !== PHASE_AWAITING) {
      this.fail('other', false); // a second response in one read: nobody asked for it
      return;
    }
    const nowUs = this.context.nowUs();
    // The first call counts from the scheduled start; later calls from their send.
    const fromScheduleUs = this.calls === 1 ? nowUs - this.intendedUs : nowUs - this.sentAtUs;
    this.context.recorder.response(statusCode, fromScheduleUs, nowUs - this.sentAtUs);
    const firstByteUs = this.firstByteUs || nowUs;
    this.connections.reply(firstByteUs - this.sentAtUs, nowUs - firstByteUs, this.parser.headBytes, Math.max(0, this.replyBytes - this.parser.headBytes));
    if (this.calls < this.numCalls && keepAlive) {
      this.phase = PHASE_REPLIED;
      return;
    }
    this.finish(true);
  }

  private fail(kind: keyof ConnErrorKinds, whileConnecting: boolean): void {
    if (this.done) return;
    this.connections.errors[kind]++;
    const errors = this.context.recorder.errors;
    if (whileConnecting) errors.connect++;
    else errors.read++;
    this.finish(false);
  }

  /** The handshake failed: one TLS error of its kind, and httperf's "other". */
  private failTls(failure: TlsFailure): void {
    if (this.done) return;
    this.connections.errors.other++;
    const errors = this.context.recorder.errors;
    errors.tls = (errors.tls ?? 0) + 1;
    this.context.recorder.tls.failed(failure.kind, failure.message, 1);
    this.finish(false);
  }

  private finish(completed: boolean): void {
    this.phase = PHASE_DONE;
    if (completed) this.connections.lifetimeTime(this.context.nowUs() - this.intendedUs);
    this.socket?.destroy();
    this.socket = null;
    this.connections.closed();
    this.onDone(this);
  }
}

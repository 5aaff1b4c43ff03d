// One worker thread's share of a connection-rate run: opens its scheduled connections on
// time, times each phase out, and ends when every connection is done or the bound is reached.
import { performance } from 'node:perf_hooks';
import { paceConnections } from '../connPacer.ts';
import type { ConnRateJob, SnapshotMessage } from '../messages.ts';
import { CallConnection, SessionCache } from './callConnection.ts';
import { ConnRateRecorder } from './connRateRecorder.ts';
import type { WorkerContext } from './context.ts';
import { createWorkerContext, WorkerTimers } from './workerShell.ts';

export class ConnRateWorker {
  private readonly context: WorkerContext<ConnRateJob>;
  private readonly connections: ConnRateRecorder;
  private readonly live = new Set<CallConnection>();
  private readonly sessions = new SessionCache();
  private readonly timers: WorkerTimers;
  private scheduleTimer: NodeJS.Timeout | null = null;
  private scheduleImmediate: NodeJS.Immediate | null = null;
  private opened = 0;
  private seq = 0;

  constructor(
    job: ConnRateJob,
    startEpochMs: number,
    private readonly post: (message: SnapshotMessage) => void,
  ) {
    this.context = createWorkerContext(job, startEpochMs);
    this.timers = new WorkerTimers(this.context);
    this.connections = new ConnRateRecorder(job.tls !== null);
  }

  /** Starts at the run's start time (waiting for it if it is still ahead), as LoadWorker does. */
  start(): void {
    this.timers.startAt(() => this.begin());
  }

  private begin(): void {
    if (this.context.stopped) return;
    this.timers.after(Math.max(0, this.context.startMs + this.context.job.durationMs - performance.now()), () => this.stop());
    this.timers.runPeriodic(this);
    this.schedule();
  }

  stop(): void {
    if (this.context.stopped) return;
    const nowMs = performance.now();
    this.context.stopped = true;
    this.timers.clear();
    if (this.scheduleTimer) clearTimeout(this.scheduleTimer);
    if (this.scheduleImmediate) clearImmediate(this.scheduleImmediate);
    let inFlightAtEnd = 0;
    for (const connection of [...this.live]) {
      if (connection.awaiting) inFlightAtEnd++;
      connection.abandon();
    }
    const unsent = (this.context.job.offsetsMs.length - this.opened) * this.context.job.numCalls;
    this.context.recorder.sampleRate(nowMs);
    this.post(this.context.recorder.snapshot(this.seq++, performance.timeOrigin + nowMs, { inFlightAtEnd, unsent }, this.connections.extras()));
  }

  /** Opens the connections whose time has come; sleeps on whole ms and polls the rest. */
  private readonly schedule = (): void => {
    this.scheduleTimer = null;
    this.scheduleImmediate = null;
    if (this.context.stopped) return;
    const nowMs = performance.now();
    const decision = paceConnections(this.context.job.offsetsMs, nowMs - this.context.startMs, this.opened);
    if (decision.kind === 'done') {
      this.stopWhenIdle();
      return;
    }
    if (decision.kind === 'wait') {
      if (decision.waitMs >= 1) this.scheduleTimer = setTimeout(this.schedule, Math.floor(decision.waitMs));
      else this.scheduleImmediate = setImmediate(this.schedule);
      return;
    }
    for (let i = 0; i < decision.count; i++) {
      const intendedMs = this.context.startMs + (this.context.job.offsetsMs[this.opened] ?? 0);
      this.opened++;
      const connection = new CallConnection(this.context, this.connections, this.context.job.numCalls, intendedMs, this.onConnectionDone, this.sessions);
      this.live.add(connection);
      connection.open(decision.count);
    }
    this.scheduleImmediate = setImmediate(this.schedule);
  };

  private readonly onConnectionDone = (connection: CallConnection): void => {
    this.live.delete(connection);
    this.stopWhenIdle();
  };

  private stopWhenIdle(): void {
    if (this.opened === this.context.job.offsetsMs.length && this.live.size === 0) this.stop();
  }

  postInterval(): void {
    if (this.context.stopped) return;
    this.post(this.context.recorder.snapshot(this.seq++, performance.timeOrigin + performance.now(), null));
  }

  sweepTimeouts(): void {
    const nowMs = performance.now();
    for (const connection of [...this.live]) {
      if (nowMs - connection.phaseStartMs > this.context.job.timeoutMs) connection.timeOut();
    }
  }
}

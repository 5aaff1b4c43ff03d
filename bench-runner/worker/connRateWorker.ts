// One worker thread's share of a connection-rate run: opens its scheduled connections on
// time, times each phase out, and ends when every connection is done or the bound is reached.
import { paceConnections } from '../connPacer.ts';
import type { ConnRateJob, SnapshotMessage } from '../messages.ts';
import { CallConnection, SessionCache } from './callConnection.ts';
import { ConnRateRecorder } from './connRateRecorder.ts';
import type { WorkerContext } from './context.ts';
import { createWorkerContext, epochMsOf, WorkerTimers } from './workerShell.ts';

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
    this.timers.after(Math.max(0, (this.context.startUs - this.context.nowUs()) / 1000 + this.context.job.durationMs), () => this.stop());
    this.timers.runPeriodic(this);
    this.schedule();
  }

  stop(): void {
    if (this.context.stopped) return;
    const nowUs = this.context.nowUs();
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
    this.context.recorder.sampleRate(nowUs);
    this.post(this.context.recorder.snapshot(this.seq++, epochMsOf(nowUs), { inFlightAtEnd, unsent }, this.connections.extras()));
  }

  /** Opens the connections whose time has come; sleeps on whole ms and polls the rest. */
  private readonly schedule = (): void => {
    this.scheduleTimer = null;
    this.scheduleImmediate = null;
    if (this.context.stopped) return;
    // The connection schedule is in ms (connPacer.ts, the job's offsetsMs): converted here, at its edge.
    const decision = paceConnections(this.context.job.offsetsMs, (this.context.nowUs() - this.context.startUs) / 1000, this.opened);
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
      const intendedUs = this.context.startUs + (this.context.job.offsetsMs[this.opened] ?? 0) * 1000;
      this.opened++;
      const connection = new CallConnection(this.context, this.connections, this.context.job.numCalls, intendedUs, this.onConnectionDone, this.sessions);
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
    this.post(this.context.recorder.snapshot(this.seq++, epochMsOf(this.context.nowUs()), null));
  }

  sweepTimeouts(): void {
    const nowUs = this.context.nowUs();
    const timeoutUs = this.context.job.timeoutMs * 1000;
    for (const connection of [...this.live]) {
      if (nowUs - connection.phaseStartUs > timeoutUs) connection.timeOut();
    }
  }
}

// One worker thread's share of a run: its connections, its recorder, its interval snapshots.
// Times in µs from the context's one clock (context.ts); ms only for the job's figures and timers.
import { connectionSchedule, intendedCountBy, intendedStartUs } from '../pacer.ts';
import type { SnapshotMessage, WorkerJob } from '../messages.ts';
import { Connection } from './connection.ts';
import type { WorkerContext } from './context.ts';
import { createWorkerContext, epochMsOf, WorkerTimers } from './workerShell.ts';

/** The longest a run waits after its duration for the responses to requests in flight. */
export const MAX_DRAIN_MS = 2000;
const DRAIN_POLL_MS = 2;

export class LoadWorker {
  private readonly context: WorkerContext;
  private readonly connections: Connection[];
  private readonly timers: WorkerTimers;
  private seq = 0;

  constructor(
    job: WorkerJob,
    startEpochMs: number,
    private readonly post: (message: SnapshotMessage) => void,
  ) {
    this.context = createWorkerContext(job, startEpochMs);
    this.timers = new WorkerTimers(this.context);
    const durationUs = job.durationMs * 1000;
    this.connections = Array.from({ length: job.connections }, (_, i) => {
      const schedule =
        job.ratePerSec === null
          ? null
          : connectionSchedule(job.ratePerSec, job.totalConnections, job.firstConnectionIndex + i, durationUs);
      return new Connection(this.context, schedule);
    });
  }

  /** Starts at the run's start time (waiting for it if it is still ahead). */
  start(): void {
    this.timers.startAt(() => this.begin());
  }

  stop(): void {
    if (this.context.stopped) return;
    const nowUs = this.context.nowUs();
    this.context.stopped = true;
    this.timers.clear();
    let inFlightAtEnd = 0;
    let unsent = 0;
    const elapsedUs = nowUs - this.context.startUs;
    const { recorder } = this.context;
    // Every request due in the run and unanswered at its end enters the censored latencies
    // (common/censored.ts): in flight, waited since its intended time; unsent, since each slot's.
    for (const connection of this.connections) {
      if (connection.inFlight) {
        inFlightAtEnd++;
        recorder.censor(nowUs - connection.intendedUs);
      }
      if (connection.schedule) {
        const dueUnsent = Math.max(0, intendedCountBy(connection.schedule, elapsedUs) - connection.sent);
        if (dueUnsent > 0) {
          const firstIntendedUs = this.context.startUs + intendedStartUs(connection.schedule, connection.sent);
          recorder.censorEvenlySpaced(nowUs - firstIntendedUs, connection.schedule.intervalUs, dueUnsent);
        }
        unsent += dueUnsent;
      }
      connection.close();
    }
    this.context.recorder.sampleRate(nowUs);
    const gauges = { due: this.dueBy(elapsedUs), inFlight: inFlightAtEnd };
    this.post(this.context.recorder.snapshot(this.seq++, epochMsOf(nowUs), { inFlightAtEnd, unsent, drained: this.context.recorder.drained }, null, gauges));
  }

  private begin(): void {
    if (this.context.stopped) return;
    for (const connection of this.connections) connection.open();
    this.armEndTimer();
    this.timers.runPeriodic(this);
  }

  /** Ends the run at its duration, never before it (timers may fire up to 1 ms early). */
  private armEndTimer(): void {
    const remainingUs = this.context.startUs + this.context.job.durationMs * 1000 - this.context.nowUs();
    if (remainingUs <= 0) {
      this.drain();
      return;
    }
    this.timers.after(Math.ceil(remainingUs / 1000), () => this.armEndTimer());
  }

  /**
   * The duration is over: nothing more is sent, and the requests in flight get up to their
   * timeout (at most MAX_DRAIN_MS) to be answered before the run stops. Without this every
   * request sent in the last moments would end the run unanswered — counted against completion
   * and censored at a wait of a few ms — although the server was about to answer it.
   */
  private drain(): void {
    this.context.draining = true;
    const deadlineUs = this.context.nowUs() + Math.min(this.context.job.timeoutMs, MAX_DRAIN_MS) * 1000;
    const check = (): void => {
      if (this.context.stopped) return;
      if (this.context.nowUs() >= deadlineUs || !this.connections.some((connection) => connection.awaiting)) {
        this.stop();
        return;
      }
      this.timers.after(DRAIN_POLL_MS, check);
    };
    check();
  }

  postInterval(): void {
    if (this.context.stopped) return;
    // The run's last interval is carried by the final snapshot (stop()).
    if (this.seq >= Math.ceil(this.context.job.durationMs / this.context.job.intervalMs) - 1) return;
    const nowUs = this.context.nowUs();
    let inFlight = 0;
    for (const connection of this.connections) if (connection.inFlight) inFlight++;
    const gauges = { due: this.dueBy(nowUs - this.context.startUs), inFlight };
    this.post(this.context.recorder.snapshot(this.seq++, epochMsOf(nowUs), null, null, gauges));
  }

  /** Requests due by `elapsedUs`: the schedule's slots in rate mode, the requests sent in max mode. */
  private dueBy(elapsedUs: number): number {
    let due = 0;
    for (const connection of this.connections) due += connection.schedule ? Math.max(connection.sent, intendedCountBy(connection.schedule, elapsedUs)) : connection.sent;
    return due;
  }

  /** Each connection counts a request (or a connect) past its timeout once and recycles itself. */
  sweepTimeouts(): void {
    const nowUs = this.context.nowUs();
    for (const connection of this.connections) connection.checkTimeout(nowUs);
  }
}

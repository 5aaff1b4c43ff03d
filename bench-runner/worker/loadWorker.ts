// One worker thread's share of a run: its connections, its recorder, its interval snapshots.
import { performance } from 'node:perf_hooks';
import { connectionSchedule, intendedCountBy, intendedStartUs } from '../pacer.ts';
import type { SnapshotMessage, WorkerJob } from '../messages.ts';
import { Connection } from './connection.ts';
import type { WorkerContext } from './context.ts';
import { createWorkerContext, WorkerTimers } from './workerShell.ts';

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
    const nowMs = performance.now();
    this.context.stopped = true;
    this.timers.clear();
    let inFlightAtEnd = 0;
    let unsent = 0;
    const elapsedUs = (nowMs - this.context.startMs) * 1000;
    const { recorder } = this.context;
    // Every request due in the run and unanswered at its end enters the censored latencies
    // (common/censored.ts): in flight, waited since its intended time; unsent, since each slot's.
    for (const connection of this.connections) {
      if (connection.awaiting || connection.retryPending) {
        inFlightAtEnd++;
        recorder.censor(nowMs - connection.intendedMs);
      }
      if (connection.schedule) {
        const dueUnsent = Math.max(0, intendedCountBy(connection.schedule, elapsedUs) - connection.sent);
        if (dueUnsent > 0) {
          const firstIntendedMs = this.context.startMs + intendedStartUs(connection.schedule, connection.sent) / 1000;
          recorder.censorEvenlySpaced(nowMs - firstIntendedMs, connection.schedule.intervalUs / 1000, dueUnsent);
        }
        unsent += dueUnsent;
      }
      connection.close();
    }
    this.context.recorder.sampleRate(nowMs);
    const gauges = { due: this.dueBy(elapsedUs), inFlight: inFlightAtEnd };
    this.post(this.context.recorder.snapshot(this.seq++, performance.timeOrigin + nowMs, { inFlightAtEnd, unsent, drained: this.context.recorder.drained }, null, gauges));
  }

  private begin(): void {
    if (this.context.stopped) return;
    for (const connection of this.connections) connection.open();
    this.armEndTimer();
    this.timers.runPeriodic(this);
  }

  /** Ends the run at its duration, never before it (timers may fire up to 1 ms early). */
  private armEndTimer(): void {
    const remainingMs = this.context.startMs + this.context.job.durationMs - performance.now();
    if (remainingMs <= 0) {
      this.drain();
      return;
    }
    this.timers.after(Math.ceil(remainingMs), () => this.armEndTimer());
  }

  /**
   * The duration is over: nothing more is sent, and the requests in flight get up to their
   * timeout (at most MAX_DRAIN_MS) to be answered before the run stops. Without this every
   * request sent in the last moments would end the run unanswered — counted against completion
   * and censored at a wait of a few ms — although the server was about to answer it.
   */
  private drain(): void {
    this.context.draining = true;
    const deadlineMs = performance.now() + Math.min(this.context.job.timeoutMs, MAX_DRAIN_MS);
    const check = (): void => {
      if (this.context.stopped) return;
      if (performance.now() >= deadlineMs || !this.connections.some((connection) => connection.awaiting)) {
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
    const nowMs = performance.now();
    let inFlight = 0;
    for (const connection of this.connections) if (connection.awaiting || connection.retryPending) inFlight++;
    const gauges = { due: this.dueBy((nowMs - this.context.startMs) * 1000), inFlight };
    this.post(this.context.recorder.snapshot(this.seq++, performance.timeOrigin + nowMs, null, null, gauges));
  }

  /** Requests due by `elapsedUs`: the schedule's slots in rate mode, the requests sent in max mode. */
  private dueBy(elapsedUs: number): number {
    let due = 0;
    for (const connection of this.connections) due += connection.schedule ? Math.max(connection.sent, intendedCountBy(connection.schedule, elapsedUs)) : connection.sent;
    return due;
  }

  /** Counts each request past its timeout once and recycles its connection. */
  sweepTimeouts(): void {
    const nowMs = performance.now();
    const { job } = this.context;
    for (const connection of this.connections) {
      if (connection.awaiting && nowMs - connection.sentAtMs > job.timeoutMs) {
        connection.timedOut();
      } else if (connection.socket !== null && !connection.connected && nowMs - connection.connectStartedMs > job.timeoutMs) {
        connection.connectTimedOut();
      }
    }
  }
}

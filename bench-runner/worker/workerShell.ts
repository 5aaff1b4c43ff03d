// What the load worker and the connection-rate worker share around their connections: the
// context, the start at the run's start time, and the periodic timers (rate samples, interval
// snapshots, timeout sweeps), cleared together when the run stops.
import { performance } from 'node:perf_hooks';
import type { ConnRateJob, WorkerJob } from '../messages.ts';
import type { WorkerContext } from './context.ts';
import { IntervalRecorder, RATE_SAMPLE_MS } from './recorder.ts';
import { secureContextFor } from './socket.ts';

const READ_BUFFER_BYTES = 64 * 1024;

/** This thread's performance clock in µs (context.ts: the send path's one unit). */
export function performanceNowUs(): number {
  return performance.now() * 1000;
}

/** An instant of this thread's performance clock (µs) as wall-clock epoch ms, the unit snapshots carry. */
export function epochMsOf(nowUs: number): number {
  return performance.timeOrigin + nowUs / 1000;
}

/** `startEpochMs` is the run's start on the wall clock; the context keeps it on this thread's performance clock, in µs. */
export function createWorkerContext<Job extends WorkerJob | ConnRateJob>(job: Job, startEpochMs: number): WorkerContext<Job> {
  const startUs = (startEpochMs - performance.timeOrigin) * 1000;
  return {
    job,
    // Rate and connection-rate runs have a schedule, so their latencies are corrected; max runs have none.
    recorder: new IntervalRecorder(job.mode !== 'max', startUs),
    readBuffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
    secureContext: secureContextFor(job.tls),
    request: Buffer.from(job.request.buffer, job.request.byteOffset, job.request.byteLength),
    startUs,
    stopped: false,
    draining: false,
    nowUs: performanceNowUs,
  };
}

export interface PeriodicWork {
  postInterval(): void;
  sweepTimeouts(): void;
}

export class WorkerTimers {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly context: WorkerContext<WorkerJob | ConnRateJob>) {}

  /** Calls `begin` at the run's start time (waiting for it if it is still ahead). */
  startAt(begin: () => void): void {
    setTimeout(begin, Math.max(0, (this.context.startUs - this.context.nowUs()) / 1000));
  }

  /** Starts the timers every worker runs while its run lasts. */
  runPeriodic(work: PeriodicWork): void {
    const { job, recorder } = this.context;
    this.timers.push(setInterval(() => recorder.sampleRate(this.context.nowUs()), RATE_SAMPLE_MS));
    this.timers.push(setInterval(() => work.postInterval(), job.intervalMs));
    this.timers.push(setInterval(() => work.sweepTimeouts(), sweepPeriodMs(job.timeoutMs)));
  }

  /** A one-off timer that `clear` also cancels. */
  after(delayMs: number, callback: () => void): void {
    this.timers.push(setTimeout(callback, delayMs));
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}

/** Checks timeouts often enough to catch each within about a tenth of the timeout. */
function sweepPeriodMs(timeoutMs: number): number {
  return Math.min(250, Math.max(10, Math.floor(timeoutMs / 10)));
}

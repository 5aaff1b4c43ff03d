// What the load worker and the connection-rate worker share around their connections: the
// context, the start at the run's start time, and the periodic timers (rate samples, interval
// snapshots, timeout sweeps), cleared together when the run stops.
import { performance } from 'node:perf_hooks';
import type { ConnRateJob, WorkerJob } from '../messages.ts';
import type { WorkerContext } from './context.ts';
import { IntervalRecorder, RATE_SAMPLE_MS } from './recorder.ts';
import { secureContextFor } from './socket.ts';

const READ_BUFFER_BYTES = 64 * 1024;

/** `startEpochMs` is the run's start on the wall clock; the context keeps it on this thread's performance clock. */
export function createWorkerContext<Job extends WorkerJob | ConnRateJob>(job: Job, startEpochMs: number): WorkerContext<Job> {
  const startMs = startEpochMs - performance.timeOrigin;
  return {
    job,
    // Rate and connection-rate runs have a schedule, so their latencies are corrected; max runs have none.
    recorder: new IntervalRecorder(job.mode !== 'max', startMs),
    readBuffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
    secureContext: secureContextFor(job.tls),
    request: Buffer.from(job.request.buffer, job.request.byteOffset, job.request.byteLength),
    startMs,
    stopped: false,
    draining: false,
    nowMs: () => performance.now(),
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
    setTimeout(begin, Math.max(0, this.context.startMs - performance.now()));
  }

  /** Starts the timers every worker runs while its run lasts. */
  runPeriodic(work: PeriodicWork): void {
    const { job, recorder } = this.context;
    this.timers.push(setInterval(() => recorder.sampleRate(performance.now()), RATE_SAMPLE_MS));
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

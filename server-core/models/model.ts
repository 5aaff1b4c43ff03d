// What every concurrency model offers the HTTP front: run a job, report its gauges, close.
// The models differ only in where and when a job's workload runs.
import type { Job, JobClient, JobOutcome } from '../jobs.ts';

export interface ModelGauges {
  /** Jobs waiting for a handler, per queue. */
  queueDepths: number[];
  /** Jobs being handled now. */
  busy: number;
  /** Most jobs handled at once since the previous call (the call starts a new period). */
  busyPeak: number;
  /** Handler threads alive now. */
  handlerThreads: number;
  threadsStartedTotal: number;
  deathsTotal: number;
  /** How long each handler thread that became ready since the previous call took to start, µs. */
  threadStartsUs: number[];
}

export interface Model {
  /** Starts the model's handler threads, if any; resolves when they are ready. */
  start(): Promise<void>;
  /**
   * Runs a job that arrived at `arrivedAtMs` (performance.now() of the server thread). Never
   * rejects: a workload that throws gives 500, a handler thread that dies gives 503. May answer
   * synchronously. A job that waits in a queue is dropped when it would start if `client` is
   * gone by then: it resolves with ABANDONED.
   */
  run(job: Job, arrivedAtMs: number, client: JobClient): JobOutcome | Promise<JobOutcome>;
  gauges(): ModelGauges;
  /** Ends the handler threads; jobs still running are dropped. */
  close(): Promise<void>;
}

/** Counts jobs in progress and the most at once since the last read. */
export class BusyGauge {
  busy = 0;
  private peak = 0;

  begin(): void {
    this.busy++;
    if (this.busy > this.peak) this.peak = this.busy;
  }

  end(): void {
    this.busy--;
  }

  takePeak(): number {
    const peak = this.peak;
    this.peak = this.busy;
    return peak;
  }
}

export function msToUs(ms: number): number {
  return ms * 1000;
}

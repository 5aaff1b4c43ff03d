// `event-loop`: every job runs on the server thread as soon as it arrives; waiting workloads
// overlap, blocking ones (`sleep`, `cpu`) hold the whole server.
import type { Job, JobOutcome } from '../jobs.ts';
import { runOnServerThread } from './inline.ts';
import { BusyGauge, type Model, type ModelGauges } from './model.ts';

export class EventLoopModel implements Model {
  private readonly busy = new BusyGauge();

  async start(): Promise<void> {}

  run(job: Job, arrivedAtMs: number): JobOutcome | Promise<JobOutcome> {
    return runOnServerThread(job, arrivedAtMs, this.busy);
  }

  gauges(): ModelGauges {
    return { queueDepths: [], busy: this.busy.busy, busyPeak: this.busy.takePeak(), handlerThreads: 0, threadsStartedTotal: 0, deathsTotal: 0, threadStartsUs: [] };
  }

  async close(): Promise<void> {}
}

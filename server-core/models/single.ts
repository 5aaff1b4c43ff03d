// `single`: one connection at a time (the connection gate) and one job at a time, on the server
// thread, start to finish. Pipelined jobs of the connection wait their turn here.
import { ABANDONED, type Job, type JobClient, type JobOutcome } from '../jobs.ts';
import { runOnServerThread } from './inline.ts';
import { BusyGauge, type Model, type ModelGauges } from './model.ts';

interface Waiting {
  job: Job;
  arrivedAtMs: number;
  client: JobClient;
  resolve: (outcome: JobOutcome | Promise<JobOutcome>) => void;
}

export class SingleModel implements Model {
  private readonly busy = new BusyGauge();
  private readonly waiting: Waiting[] = [];
  private running = false;

  /** `waitingConnections` counts the connections the gate holds back. */
  constructor(private readonly waitingConnections: () => number) {}

  async start(): Promise<void> {}

  run(job: Job, arrivedAtMs: number, client: JobClient): JobOutcome | Promise<JobOutcome> {
    if (this.running) return new Promise((resolve) => this.waiting.push({ job, arrivedAtMs, client, resolve }));
    return this.execute(job, arrivedAtMs);
  }

  gauges(): ModelGauges {
    return {
      queueDepths: [this.waitingConnections() + this.waiting.length],
      busy: this.busy.busy,
      busyPeak: this.busy.takePeak(),
      handlerThreads: 0,
      threadsStartedTotal: 0,
      deathsTotal: 0,
      threadStartsUs: [],
    };
  }

  async close(): Promise<void> {}

  private execute(job: Job, arrivedAtMs: number): JobOutcome | Promise<JobOutcome> {
    this.running = true;
    const outcome = runOnServerThread(job, arrivedAtMs, this.busy);
    if (outcome instanceof Promise) {
      return outcome.then((done) => {
        this.running = false;
        this.drain();
        return done;
      });
    }
    this.running = false;
    return outcome;
  }

  private drain(): void {
    while (!this.running) {
      const next = this.waiting.shift();
      if (next === undefined) return;
      next.resolve(next.client.isGone() ? ABANDONED : this.execute(next.job, next.arrivedAtMs));
    }
  }
}

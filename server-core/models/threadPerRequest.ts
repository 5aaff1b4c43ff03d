// `thread-per-request`: a new handler thread for every job, ended when the job is done. Thread
// start-up is part of the job's wait. At most `maxThreads` run at once; further jobs queue.
import { performance } from 'node:perf_hooks';
import { handlerThreadEntry } from '../handlerEntry.ts';
import { HandlerWorker, type HandlerEvents } from '../handlerWorker.ts';
import { ABANDONED, failureOutcome, type HandledResponse, type Job, type JobClient, type JobOutcome } from '../jobs.ts';
import { BusyGauge, msToUs, type Model, type ModelGauges } from './model.ts';

interface Queued {
  job: Job;
  arrivedAtMs: number;
  client: JobClient;
  resolve: (outcome: JobOutcome) => void;
}

export class ThreadPerRequestModel implements Model {
  private readonly waiting: Queued[] = [];
  /** Threads alive, each with the job it was started for and that job's wait once it ran. */
  private readonly threads = new Map<HandlerWorker, { queued: Queued; queueWaitUs: number }>();
  private readonly busy = new BusyGauge();
  private readonly events: HandlerEvents;
  private threadsStarted = 0;
  private deaths = 0;
  /** Start times of the threads that became ready since the last gauges() call, µs. */
  private threadStartsUs: number[] = [];
  private closed = false;
  /** Set by start(). */
  private entry: URL | null = null;

  constructor(private readonly maxThreads: number) {
    this.events = {
      ready: (handler) => this.onReady(handler),
      done: (handler, _id, response, serviceUs) => this.onDone(handler, response, serviceUs),
      died: (handler, reason) => this.onDied(handler, reason),
    };
  }

  /** Makes the handler entry ready (the first time in this thread, a bundle), so no job waits for it. */
  async start(): Promise<void> {
    this.entry = await handlerThreadEntry();
  }

  run(job: Job, arrivedAtMs: number, client: JobClient): Promise<JobOutcome> {
    return new Promise((resolve) => {
      this.waiting.push({ job, arrivedAtMs, client, resolve });
      this.startThreads();
    });
  }

  gauges(): ModelGauges {
    return {
      queueDepths: [this.waiting.length],
      busy: this.busy.busy,
      busyPeak: this.busy.takePeak(),
      handlerThreads: this.threads.size,
      threadsStartedTotal: this.threadsStarted,
      deathsTotal: this.deaths,
      threadStartsUs: this.takeThreadStarts(),
    };
  }

  private takeThreadStarts(): number[] {
    const starts = this.threadStartsUs;
    this.threadStartsUs = [];
    return starts;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.threads.keys()].map((handler) => handler.retire()));
    this.threads.clear();
  }

  private startThreads(): void {
    const entry = this.entry;
    if (entry === null) throw new Error('ThreadPerRequestModel.run() before start()');
    while (!this.closed && this.threads.size < this.maxThreads) {
      const queued = this.waiting.shift();
      if (queued === undefined) return;
      if (queued.client.isGone()) {
        queued.resolve(ABANDONED);
        continue;
      }
      this.threadsStarted++;
      this.threads.set(new HandlerWorker(`thread-${this.threadsStarted}`, entry, this.events), { queued, queueWaitUs: 0 });
    }
  }

  private onReady(handler: HandlerWorker): void {
    const entry = this.threads.get(handler);
    if (entry === undefined) return;
    if (handler.startUs !== null) this.threadStartsUs.push(handler.startUs);
    // The client left while its thread started: the job is dropped before it starts.
    if (entry.queued.client.isGone()) {
      this.end(handler, false);
      entry.queued.resolve(ABANDONED);
      return;
    }
    entry.queueWaitUs = msToUs(performance.now() - entry.queued.arrivedAtMs);
    this.busy.begin();
    handler.run(entry.queued.job);
  }

  private onDone(handler: HandlerWorker, response: HandledResponse, serviceUs: number): void {
    const entry = this.threads.get(handler);
    if (entry === undefined) return;
    this.end(handler, true);
    entry.queued.resolve({ ...response, timing: { queueWaitUs: entry.queueWaitUs, serviceUs }, handler: handler.label });
  }

  private onDied(handler: HandlerWorker, reason: string): void {
    const entry = this.threads.get(handler);
    if (entry === undefined) return;
    this.deaths++;
    this.end(handler, handler.current !== null);
    entry.queued.resolve(failureOutcome(503, `handler thread ${handler.label} died (${reason})`, handler.label));
  }

  private end(handler: HandlerWorker, wasBusy: boolean): void {
    this.threads.delete(handler);
    if (wasBusy) this.busy.end();
    void handler.retire();
    this.startThreads();
  }
}

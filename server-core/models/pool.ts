// `pool-shared` and `pool-per-worker`: N handler threads started once. The server thread keeps
// the queues and gives a handler its next job only when it is idle, so a handler holds at most
// one job.
// - shared: one queue; whichever handler is idle takes the oldest job (the journal's
//   Arc<Mutex<Receiver>>).
// - per-handler: one queue per handler, jobs dealt round-robin on arrival; a handler takes only
//   from its own queue, so one slow job holds up only the jobs dealt behind it.
// A handler thread that dies is replaced; the job it held is answered 503.
import { performance } from 'node:perf_hooks';
import { handlerThreadEntry } from '../handlerEntry.ts';
import { HandlerWorker, type HandlerEvents } from '../handlerWorker.ts';
import { ABANDONED, failureOutcome, type HandledResponse, type Job, type JobClient, type JobOutcome } from '../jobs.ts';
import { BusyGauge, msToUs, type Model, type ModelGauges } from './model.ts';

export type QueuePolicy = 'shared' | 'per-handler';

/** A handler that dies before it is ready is started again after this long, not at once. */
const RESTART_DELAY_MS = 1000;

interface Queued {
  job: Job;
  arrivedAtMs: number;
  client: JobClient;
  resolve: (outcome: JobOutcome) => void;
}

export class PoolModel implements Model {
  private readonly slots: HandlerWorker[] = [];
  private readonly queues: Queued[][];
  /** Jobs handed to a handler, by job id, with how long they waited. */
  private readonly pending = new Map<number, { queued: Queued; queueWaitUs: number }>();
  private readonly busy = new BusyGauge();
  private readonly events: HandlerEvents;
  private nextQueue = 0;
  private threadsStarted = 0;
  private deaths = 0;
  /** Start times of the handlers that became ready since the last gauges() call, µs. */
  private threadStartsUs: number[] = [];
  private closed = false;
  private startup: { resolve: () => void; reject: (error: Error) => void; waiting: number } | null = null;
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  /** Set by start(). */
  private entry: URL | null = null;

  constructor(
    private readonly size: number,
    private readonly policy: QueuePolicy,
  ) {
    this.queues = Array.from({ length: policy === 'shared' ? 1 : size }, () => []);
    this.events = {
      ready: (handler) => this.onReady(handler),
      done: (handler, id, response, serviceUs) => this.onDone(handler, id, response, serviceUs),
      died: (handler, reason, wasReady) => this.onDied(handler, reason, wasReady),
    };
  }

  async start(): Promise<void> {
    this.entry = await handlerThreadEntry();
    if (this.closed) return;
    return new Promise((resolve, reject) => {
      this.startup = { resolve, reject, waiting: this.size };
      for (let slot = 0; slot < this.size; slot++) this.slots.push(this.spawn(slot));
    });
  }

  run(job: Job, arrivedAtMs: number, client: JobClient): Promise<JobOutcome> {
    return new Promise((resolve) => {
      const queue = this.policy === 'shared' ? 0 : this.nextQueue++ % this.size;
      this.queues[queue]?.push({ job, arrivedAtMs, client, resolve });
      this.dispatch();
    });
  }

  gauges(): ModelGauges {
    return {
      queueDepths: this.queues.map((queue) => queue.length),
      busy: this.busy.busy,
      busyPeak: this.busy.takePeak(),
      handlerThreads: this.slots.length,
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
    for (const timer of this.restartTimers) clearTimeout(timer);
    await Promise.all(this.slots.map((handler) => handler.retire()));
  }

  private spawn(slot: number): HandlerWorker {
    if (this.entry === null) throw new Error('PoolModel.spawn() before start()');
    this.threadsStarted++;
    return new HandlerWorker(`pool-${slot}`, this.entry, this.events);
  }

  private slotOf(handler: HandlerWorker): number {
    return this.slots.indexOf(handler);
  }

  /** Gives every idle handler the next job of the queue it takes from; jobs whose client is gone are dropped. */
  private dispatch(): void {
    this.slots.forEach((handler, slot) => {
      if (!handler.isIdle) return;
      const queue = this.queues[this.policy === 'shared' ? 0 : slot];
      let next = queue?.shift();
      while (next?.client.isGone() === true) {
        next.resolve(ABANDONED);
        next = queue?.shift();
      }
      if (next === undefined) return;
      this.pending.set(next.job.id, { queued: next, queueWaitUs: msToUs(performance.now() - next.arrivedAtMs) });
      this.busy.begin();
      handler.run(next.job);
    });
  }

  private onReady(handler: HandlerWorker): void {
    if (handler.startUs !== null) this.threadStartsUs.push(handler.startUs);
    const startup = this.startup;
    if (startup !== null && --startup.waiting === 0) {
      this.startup = null;
      startup.resolve();
    }
    this.dispatch();
  }

  private onDone(handler: HandlerWorker, id: number, response: HandledResponse, serviceUs: number): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    this.pending.delete(id);
    this.busy.end();
    entry.queued.resolve({ ...response, timing: { queueWaitUs: entry.queueWaitUs, serviceUs }, handler: handler.label });
    this.dispatch();
  }

  private onDied(handler: HandlerWorker, reason: string, wasReady: boolean): void {
    this.deaths++;
    const held = handler.current;
    if (held !== null) {
      const entry = this.pending.get(held.id);
      this.pending.delete(held.id);
      this.busy.end();
      entry?.queued.resolve(failureOutcome(503, `handler thread ${handler.label} died (${reason}); it has been replaced`, handler.label));
    }
    const slot = this.slotOf(handler);
    if (this.closed || slot < 0) return;
    if (!wasReady && this.startup !== null) {
      const startup = this.startup;
      this.startup = null;
      startup.reject(new Error(`handler thread ${handler.label} failed to start: ${reason}`));
      return;
    }
    const replace = (): void => {
      if (!this.closed) this.slots[slot] = this.spawn(slot);
    };
    if (wasReady) {
      replace();
    } else {
      const timer = setTimeout(() => {
        this.restartTimers.delete(timer);
        replace();
      }, RESTART_DELAY_MS);
      this.restartTimers.add(timer);
    }
  }
}

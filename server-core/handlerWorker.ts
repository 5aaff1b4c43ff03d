// The server thread's side of one handler thread: starts it, hands it one job at a time, and
// tells its owner when the thread is ready, done with a job, or dead (exit or uncaught error).
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { HandledResponse, HandlerToServer, Job, ServerToHandler } from './jobs.ts';

export interface HandlerEvents {
  ready(handler: HandlerWorker): void;
  done(handler: HandlerWorker, id: number, response: HandledResponse, serviceUs: number): void;
  /** The thread ended on its own; `wasReady` tells a start failure from a death at work. */
  died(handler: HandlerWorker, reason: string, wasReady: boolean): void;
}

export class HandlerWorker {
  private readonly worker: Worker;
  private ready = false;
  private retired = false;
  private failure: string | null = null;
  /** When the thread was asked for (performance.now() ms). */
  private readonly createdAtMs = performance.now();
  /** From the request for the thread to its 'ready' message, µs; null until it is ready. */
  startUs: number | null = null;
  /** The job it is running, if any. */
  current: Job | null = null;

  /** `entry`: plain JavaScript, from handlerThreadEntry() (handlerEntry.ts). */
  constructor(
    readonly label: string,
    entry: URL,
    private readonly events: HandlerEvents,
  ) {
    this.worker = new Worker(entry, { name: `loadlab-handler-${label}` });
    this.worker.on('message', (message: HandlerToServer) => this.onMessage(message));
    this.worker.on('error', (error) => {
      this.failure = `uncaught ${error.name}: ${error.message}`;
    });
    this.worker.on('exit', (code) => {
      if (this.retired) return;
      this.retired = true;
      this.events.died(this, this.failure ?? `exited with code ${code}`, this.ready);
    });
  }

  get isIdle(): boolean {
    return this.ready && !this.retired && this.current === null;
  }

  run(job: Job): void {
    this.current = job;
    const message: ServerToHandler = { type: 'job', job };
    this.worker.postMessage(message);
  }

  /** Ends the thread without reporting it as a death. */
  async retire(): Promise<void> {
    if (this.retired) return;
    this.retired = true;
    await this.worker.terminate();
  }

  private onMessage(message: HandlerToServer): void {
    if (this.retired) return;
    if (message.type === 'ready') {
      this.ready = true;
      this.startUs = (performance.now() - this.createdAtMs) * 1000;
      this.events.ready(this);
      return;
    }
    const current = this.current;
    if (current === null || current.id !== message.id) return;
    this.current = null;
    this.events.done(this, message.id, message.response, message.serviceUs);
  }
}

// The load threads of one run, and starting them ahead of it.
//
// Twelve threads take most of `bench -t12`'s start (BENCHMARKS.md, "Start-up"), and the CLI spends
// its first ≈ 100 ms loading the bench command (zod, the reports, the journal) on one core while the
// other idles. `prestartLoadThreads` lets the threads boot during that time; the run that follows
// adopts them (`takePrestartedThreads`) when it asks for as many, and starts its own otherwise.
// Events a thread sends before its run adopts it are kept and handed over in order.
import { Worker } from 'node:worker_threads';
import { threadEntryUrl } from '../threads/threadEntry.ts';
import type { WorkerToHost } from './messages.ts';

export interface ThreadEvents {
  message(message: WorkerToHost): void;
  error(error: Error): void;
  exit(code: number): void;
}

/** The part of a Worker the pool uses (tests give their own). */
export interface PoolWorker {
  on(event: 'message', listener: (message: WorkerToHost) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
}

type Pending = { kind: 'message'; message: WorkerToHost } | { kind: 'error'; error: Error } | { kind: 'exit'; code: number };

export class LoadThreadPool<W extends PoolWorker = Worker> {
  readonly workers: W[];
  private handlers: ThreadEvents | null = null;
  private readonly pending: Pending[] = [];

  /** Starts `count` threads; unless `held`, they do not keep the process alive until `attach`. */
  constructor(count: number, create: (index: number) => W, held = true) {
    this.workers = Array.from({ length: count }, (_, index) => {
      const worker = create(index);
      worker.on('message', (message) => this.deliver({ kind: 'message', message }));
      worker.on('error', (error) => this.deliver({ kind: 'error', error }));
      worker.on('exit', (code) => this.deliver({ kind: 'exit', code }));
      // After the listeners: a 'message' listener refs the thread's port again.
      if (!held) worker.unref();
      return worker;
    });
  }

  /** The run takes the threads' events from now on, those already sent first. */
  attach(handlers: ThreadEvents): void {
    this.handlers = handlers;
    for (const worker of this.workers) worker.ref();
    for (const event of this.pending.splice(0)) this.dispatch(event);
  }

  terminate(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private deliver(event: Pending): void {
    if (this.handlers === null) this.pending.push(event);
    else this.dispatch(event);
  }

  private dispatch(event: Pending): void {
    const handlers = this.handlers;
    if (handlers === null) return;
    if (event.kind === 'message') handlers.message(event.message);
    else if (event.kind === 'error') handlers.error(event.error);
    else handlers.exit(event.code);
  }
}

/** Load threads of a run, started from the built entry at `entry`. */
export function startLoadThreads(entry: URL, count: number, held = true): LoadThreadPool {
  return new LoadThreadPool(count, (index) => new Worker(entry, { name: `loadlab-load-${index}` }), held);
}

/** Threads started ahead of a run that has not taken them yet (one CLI command: at most one run takes them). */
let prestarted: LoadThreadPool | null = null;

/** Starts `count` load threads now for a run about to be asked for (they do not hold the process up meanwhile). */
export function prestartLoadThreads(count: number): void {
  prestarted?.terminate();
  prestarted = startLoadThreads(threadEntryUrl(import.meta.url, 'worker/main.cjs'), count, false);
}

/** The prestarted threads if there are `count` of them; others are stopped. Null when there are none to take. */
export function takePrestartedThreads(count: number): LoadThreadPool | null {
  const pool = prestarted;
  prestarted = null;
  if (pool === null) return null;
  if (pool.workers.length === count) return pool;
  pool.terminate();
  return null;
}

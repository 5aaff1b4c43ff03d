// Running a workload, on whichever thread the model puts it: a handler thread or the server
// thread. `sleep` and `cpu` hold the thread that runs them (in `event-loop` and `single` that is
// the server thread's event loop, which is the point); `sleep-async` only waits.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleepAsync } from 'node:timers/promises';
import type { Workload } from './routes.ts';

export interface WorkloadResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
  /** The body's ArrayBuffer belongs to this response alone (it may be transferred, not copied). */
  ownsBuffer: boolean;
}

/** What the fault routes may do to the thread that runs them; null on the server thread. */
export interface ThreadFaults {
  /** Ends the thread at once, as process.exit does in a worker. */
  exit(): void;
  /** Throws an uncaught error on the thread's next turn. */
  crashSoon(): void;
}

const TEXT = 'text/plain; charset=utf-8';
const HELLO_BODY = Buffer.from('hello\n');
/** The same response object for every `GET /` (nothing writes into a response). */
const HELLO: WorkloadResponse = Object.freeze({ status: 200, contentType: TEXT, body: HELLO_BODY, ownsBuffer: false });
const SLEEP_CELL = new Int32Array(new SharedArrayBuffer(4));

function text(body: string): WorkloadResponse {
  return { status: 200, contentType: TEXT, body: Buffer.from(body), ownsBuffer: false };
}

/** Blocks the calling thread for `ms` (Atomics.wait on a cell nobody notifies). */
function blockMs(ms: number): void {
  Atomics.wait(SLEEP_CELL, 0, 0, ms);
}

/** Keeps the calling thread busy for `us`; returns how many clock reads it took. */
function spinUs(us: number): number {
  const endMs = performance.now() + us / 1000;
  let reads = 1;
  while (performance.now() < endMs) reads++;
  return reads;
}

/** Runs a workload; synchronous ones return a response, waiting ones a promise. Throws for `fault/throw`. */
export function runWorkload(workload: Workload, body: Uint8Array, faults: ThreadFaults | null): WorkloadResponse | Promise<WorkloadResponse> {
  switch (workload.kind) {
    case 'hello':
      return HELLO;
    case 'sleep':
      blockMs(workload.ms);
      return text(`slept ${workload.ms} ms\n`);
    case 'sleep-async':
      return sleepAsync(workload.ms).then(() => text(`waited ${workload.ms} ms\n`));
    case 'cpu':
      spinUs(workload.us);
      return text(`spun ${workload.us} us\n`);
    case 'bytes':
      return { status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(workload.n, 'x'), ownsBuffer: true };
    case 'echo':
      return { status: 200, contentType: 'application/octet-stream', body, ownsBuffer: true };
    case 'fault':
      return runFault(workload.fault, faults);
  }
}

function runFault(fault: 'throw' | 'exit' | 'crash', faults: ThreadFaults | null): Promise<WorkloadResponse> {
  if (fault === 'throw') throw new Error('fault route: the handler threw');
  if (faults === null) throw new Error(`fault route: /fault/${fault} needs a handler thread; this model runs handlers on the server thread`);
  if (fault === 'exit') faults.exit();
  else faults.crashSoon();
  return new Promise<WorkloadResponse>(() => undefined);
}

// A job is one routed request on its way to a handler, and the messages that carry jobs between
// the server thread and a handler thread: one job at a time per handler, never a broadcast.
import type { Workload } from './routes.ts';

export interface Job {
  /** Unique on the server thread, for matching a reply to its job. */
  id: number;
  workload: Workload;
  /** The request body (empty unless the workload reads it). */
  body: Uint8Array;
}

/** Who waits for a job: a job whose client is gone is dropped before it starts (see ABANDONED). */
export interface JobClient {
  /** The connection is closed: nothing can be sent to it any more. */
  isGone(): boolean;
}

/** A response as it leaves a handler. */
export interface HandledResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** Where a job's time went, µs; null when no handler finished it (its thread died). */
export interface JobTiming {
  /** From the job's arrival to the moment a handler took it. */
  queueWaitUs: number;
  /** From the moment a handler took it to the moment the handler finished it. */
  serviceUs: number;
}

export interface JobOutcome extends HandledResponse {
  timing: JobTiming | null;
  /** Which handler ran it: "server-thread", "pool-2", "thread-17". */
  handler: string;
}

export type ServerToHandler = { type: 'job'; job: Job };

export type HandlerToServer = { type: 'ready' } | { type: 'done'; id: number; response: HandledResponse; serviceUs: number };

/**
 * The outcome of a job dropped before it started because its client was gone: nothing is
 * written, and telemetry counts it as abandoned. Compared by identity.
 */
export const ABANDONED: JobOutcome = Object.freeze({ status: 0, contentType: '', body: new Uint8Array(0), timing: null, handler: 'none' });

/** A text outcome no handler produced: 500 for a bug, 503 when the handler thread died. */
export function failureOutcome(status: 500 | 503, message: string, handler: string): JobOutcome {
  return { status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(`${message}\n`), timing: null, handler };
}

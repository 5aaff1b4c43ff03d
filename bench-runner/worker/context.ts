// What all connections of one worker thread share: the job, the clock, the recorder and one
// read buffer (every read is handled synchronously, so one buffer serves all sockets).
import type tls from 'node:tls';
import type { WorkerJob } from '../messages.ts';
import type { IntervalRecorder } from './recorder.ts';

export interface WorkerContext<Job = WorkerJob> {
  readonly job: Job;
  readonly recorder: IntervalRecorder;
  readonly readBuffer: Buffer;
  /** https only: one secure context for all of the thread's connections. */
  readonly secureContext: tls.SecureContext | null;
  /** The job's request as a Buffer (a posted Buffer arrives as a plain Uint8Array, which
   * socket.write would wrap again on every send). */
  readonly request: Buffer;
  /** Run start on this thread's performance clock, ms. */
  readonly startMs: number;
  stopped: boolean;
  /**
   * The schedule (or the duration) has ended: no new request and no new socket, while requests in
   * flight may still be answered until the drain ends (loadWorker.ts).
   */
  draining: boolean;
  nowMs(): number;
}

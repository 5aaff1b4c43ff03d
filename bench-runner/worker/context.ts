// What all connections of one worker thread share: the job, the clock, the recorder and one
// read buffer (every read is handled synchronously, so one buffer serves all sockets).
//
// One time unit in the send path: µs. Every instant is read from `nowUs()` (this thread's
// performance clock in µs, a double: fractions are kept until a histogram rounds them), every
// instant and duration the pacer, the connections and the recorders pass around is in µs, as the
// pacer's schedule and the histograms are. Milliseconds remain only at the edges: the job's
// figures (durationMs, timeoutMs, intervalMs, as configured) and the delays handed to timers.
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
  /** Run start on this thread's performance clock, µs. */
  readonly startUs: number;
  stopped: boolean;
  /**
   * The schedule (or the duration) has ended: no new request and no new socket, while requests in
   * flight may still be answered until the drain ends (loadWorker.ts).
   */
  draining: boolean;
  /** Now on this thread's performance clock, µs: the send path's only clock. */
  nowUs(): number;
}

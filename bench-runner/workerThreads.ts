// How many Node worker threads carry a run's threads (wrk's `-t`), and which carries which.
//
// wrk's threads are OS threads that cost next to nothing to start; a Node worker thread is a whole
// V8 isolate with its own event loop (≈ 20 ms of CPU each to boot, BENCHMARKS.md "Start-up"). More
// of them than cores only compete for the CPU, so by default a run starts one per core at most and
// gives each several of its threads. Every thread keeps its own connections, schedule, recorder and
// per-interval snapshot, so the record and wrk's thread statistics are the same either way;
// `--workers N` chooses the count (up to one per thread, as wrk runs them).
import { availableParallelism } from 'node:os';

/** Worker threads for a run of `threads` threads: `requested`, or one per core, at most `threads`. */
export function workerThreadCount(threads: number, requested: number | null | undefined, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(threads, requested ?? cores));
}

/** Deals the threads' jobs to `workers` worker threads round-robin: thread i goes to worker i mod workers. */
export function dealJobs<Job>(jobs: readonly Job[], workers: number): Job[][] {
  const dealt: Job[][] = Array.from({ length: workers }, () => []);
  jobs.forEach((job, i) => dealt[i % workers]?.push(job));
  return dealt;
}

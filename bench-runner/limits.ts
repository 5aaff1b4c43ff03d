// What this machine can carry: load threads by CPU cores, connections by the process's open-file
// limit. A config past them is refused before the run starts, with the reason, instead of
// running and measuring the load generator's own thrashing.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * Threads beyond 4 per core only compete for the CPU (each runs a busy event loop and costs
 * about 12 MB: 256 threads on 2 cores took 3.2 GB and made a 1 s run last 14 s). The floor of
 * 16 keeps wrk's habitual `-t12` (the seed journal's command, used on any machine) runnable.
 */
export const THREADS_PER_CORE = 4;
export const MIN_THREAD_BOUND = 16;

/** Open files kept for the process itself: its modules, the journal, pipes, a web host's sockets. */
export const RESERVED_FILES = 256;

export interface HostLimits {
  cores: number;
  /** The soft RLIMIT_NOFILE (`ulimit -n`); null where it cannot be read. */
  openFiles: number | null;
}

export function maxThreadsFor(cores: number): number {
  return Math.max(MIN_THREAD_BOUND, THREADS_PER_CORE * cores);
}

/** Every connection is one open file; null when the limit is unknown (nothing to check). */
export function maxConnectionsFor(openFiles: number | null): number | null {
  return openFiles === null ? null : Math.max(1, openFiles - RESERVED_FILES);
}

export interface LimitProblem {
  path: 'threads' | 'connections';
  message: string;
}

/** What in `load` exceeds `limits`; `connections` is null in connection-rate mode (it opens and closes its own). */
export function hostLimitProblems(load: { threads: number; connections: number | null }, limits: HostLimits): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const maxThreads = maxThreadsFor(limits.cores);
  if (load.threads > maxThreads) {
    problems.push({
      path: 'threads',
      message:
        `${load.threads} is more than this machine can use: at most ${maxThreads} ` +
        `(${THREADS_PER_CORE} per core on ${limits.cores} core${limits.cores === 1 ? '' : 's'}, never fewer than ${MIN_THREAD_BOUND} so wrk's -t12 still runs); ` +
        'more threads only compete for the CPU and cost memory each',
    });
  }
  const maxConnections = maxConnectionsFor(limits.openFiles);
  if (load.connections !== null && maxConnections !== null && load.connections > maxConnections) {
    problems.push({
      path: 'connections',
      message:
        `${load.connections} is more than the open-file limit allows: each connection is an open file, this process ` +
        `may open ${limits.openFiles} (ulimit -n) and keeps ${RESERVED_FILES} for itself, so at most ${maxConnections} (or raise the limit)`,
    });
  }
  return problems;
}

/** This process's limits, read now (the open-file limit from /proc on Linux, else unknown). */
export function hostLimits(): HostLimits {
  return { cores: availableParallelism(), openFiles: readOpenFilesLimit() };
}

function readOpenFilesLimit(): number | null {
  let text: string;
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
  return parseOpenFilesLimit(text);
}

/** The soft "Max open files" of /proc/self/limits; null when absent or unlimited. */
export function parseOpenFilesLimit(text: string): number | null {
  const match = /^Max open files\s+(\d+|unlimited)\s/m.exec(text);
  if (!match || match[1] === 'unlimited') return null;
  return Number(match[1]);
}

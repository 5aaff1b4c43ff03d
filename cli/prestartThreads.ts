// `loadlab bench -tN`: the run's worker threads start booting before the bench command's modules
// load (bench-runner/loadThreads.ts says why). Only -t and --workers are read here, and only when
// written out plainly; anything else (no -t, a bad value) starts nothing early, and commander
// reads the flags as always. A count the run does not ask for after all is stopped unused.
import { workerThreadCount } from '../bench-runner/workerThreads.ts';

/** Above this, no threads are started early (commander still checks the flag). */
const MAX_PRESTART = 256;

/** The last plain value of a flag of `loadlab bench …` (`-t12`, `-t 12`, `--threads 12`, `--threads=12`). */
function plainFlag(argv: readonly string[], short: string | null, long: string): string | null {
  if (argv[2] !== 'bench') return null;
  let found: string | null = null;
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === short || arg === long) found = argv[++i] ?? null;
    else if (arg.startsWith(`${long}=`)) found = arg.slice(long.length + 1);
    else if (short !== null && arg.startsWith(short) && /^\d/.test(arg.slice(short.length))) found = arg.slice(short.length);
  }
  return found;
}

function countOf(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const count = Number(text);
  return count >= 1 && count <= MAX_PRESTART ? count : null;
}

/** The -t / --threads value of `loadlab bench …`, or null when there is none to trust. */
export function benchThreadsFlag(argv: readonly string[]): number | null {
  return countOf(plainFlag(argv, '-t', '--threads'));
}

/** The worker threads `loadlab bench …` will ask for, or null when there is no plain -t (or a bad --workers). */
export function benchWorkerThreads(argv: readonly string[], cores?: number): number | null {
  const threads = benchThreadsFlag(argv);
  if (threads === null) return null;
  const workersText = plainFlag(argv, null, '--workers');
  const workers = countOf(workersText);
  if (workersText !== null && workers === null) return null;
  return workerThreadCount(threads, workers, cores);
}

/** Starts the worker threads `loadlab bench -tN` will ask for; does nothing for anything else. */
export async function prestartBenchThreads(argv: readonly string[]): Promise<void> {
  const workers = benchWorkerThreads(argv);
  if (workers === null) return;
  const { prestartLoadThreads } = await import('../bench-runner/loadThreads.ts');
  prestartLoadThreads(workers);
}

// `loadlab bench -tN`: the N load threads start booting before the bench command's modules load
// (bench-runner/loadThreads.ts says why). Only the thread count is read here, and only when it is
// written out plainly; anything else (no -t, a bad value) starts nothing early, and commander
// reads the flags as always. A count the run does not ask for after all is stopped unused.

/** Above this, no threads are started early (commander still checks the flag). */
const MAX_PRESTART = 256;

/** The -t / --threads value of `loadlab bench …`, or null when there is none to trust. */
export function benchThreadsFlag(argv: readonly string[]): number | null {
  if (argv[2] !== 'bench') return null;
  let found: string | null = null;
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '-t' || arg === '--threads') found = argv[++i] ?? null;
    else if (arg.startsWith('--threads=')) found = arg.slice('--threads='.length);
    else if (/^-t\d/.test(arg)) found = arg.slice(2);
  }
  if (found === null || !/^\d+$/.test(found)) return null;
  const threads = Number(found);
  return threads >= 1 && threads <= MAX_PRESTART ? threads : null;
}

/** Starts the load threads `loadlab bench -tN` will ask for; does nothing for anything else. */
export async function prestartBenchThreads(argv: readonly string[]): Promise<void> {
  const threads = benchThreadsFlag(argv);
  if (threads === null) return;
  const { prestartLoadThreads } = await import('../bench-runner/loadThreads.ts');
  prestartLoadThreads(threads);
}

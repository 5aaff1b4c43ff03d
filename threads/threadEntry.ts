// Where worker threads start from: the load generator's threads (bench-runner), the built-in
// server's thread and its handler threads (server-core).
//
// Invariant: a worker thread starts from JavaScript that `npm run build` wrote to out/main/ and
// nothing is transpiled or bundled at run time. Every thread entry is written by the main build
// (electron.vite.config.ts) and every chunk lands in out/main/ itself, so an entry's path relative
// to out/main/ is the same from every chunk that starts it.
// - Running as built JavaScript (the CLI, the Electron app, an installed package, the packaged
//   app's asar): the entry is found relative to the calling chunk, which is in out/main/.
// - Running from TypeScript sources (vitest only): the entry is the built one in the checkout's
//   out/main/, which vitest's global setup (vitest.globalSetup.ts) brings up to date first.
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** out/main/ of this checkout, as seen from this source file (threads/threadEntry.ts). */
const builtMainFromSources = new URL('../out/main/', import.meta.url);

/** The URL of `builtPath` (relative to out/main/, e.g. `worker/main.cjs`) for a caller at `callerUrl`. */
export function threadEntryUrl(callerUrl: string, builtPath: string): URL {
  if (builtPath.startsWith('/') || builtPath.includes('..')) throw new Error(`a thread entry is a path inside out/main/, got "${builtPath}"`);
  return new URL(builtPath, callerUrl.endsWith('.ts') ? builtMainFromSources : callerUrl);
}

/**
 * The file Workers of one kind start from (see the invariant at the top); rejects with a message
 * saying what to do when it is not there (sources never built).
 */
export async function threadEntry(callerUrl: string, builtPath: string): Promise<URL> {
  const entry = threadEntryUrl(callerUrl, builtPath);
  try {
    await access(entry);
  } catch {
    throw new Error(`the thread entry ${fileURLToPath(entry)} is missing: run \`npm run build\``);
  }
  return entry;
}

// `loadlab web` serves the built page (out/renderer). It never builds it: in a checkout
// bin/loadlab.js builds it first when it is missing or older than its sources (bin/build.js); an
// installed package ships it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * out/renderer/: beside out/main/ when this runs built (every chunk is in out/main/), in the
 * checkout's out/ when it runs from sources (tests).
 */
export const defaultRendererDir = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../out/renderer/' : '../renderer/', import.meta.url));

/** Rejects, saying what to do, when `rendererDir` has no built page. */
export async function requireRendererBuilt(rendererDir: string): Promise<void> {
  const page = await stat(join(rendererDir, 'index.html')).catch(() => null);
  if (page === null) throw new Error(`${rendererDir} has no built page: run \`npm run build\``);
}

// `loadlab web` serves the built renderer (out/renderer). When it is missing, or older than the
// sources it is built from, this runs the project's build (`npm run build`, electron-vite) first,
// so a fresh checkout or a `git pull` needs no extra step.
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const defaultRendererDir = join(projectRoot, 'out', 'renderer');
/** What the renderer bundle is made of (tests aside). */
const SOURCE_DIRS = ['renderer', 'common'];

async function newestSourceMs(root: string): Promise<number> {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
      const info = await stat(join(entry.parentPath, entry.name));
      newest = Math.max(newest, info.mtimeMs);
    }
  }
  return newest;
}

/** Why the renderer needs building, or null when out/renderer is there and newer than its sources. */
export async function rendererBuildReason(rendererDir: string, root = projectRoot): Promise<string | null> {
  const built = await stat(join(rendererDir, 'index.html')).catch(() => null);
  if (built === null) return `${rendererDir} has no build`;
  if ((await newestSourceMs(root)) > built.mtimeMs) return `${rendererDir} is older than the sources in renderer/ and common/`;
  return null;
}

function electronViteCli(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('electron-vite/package.json');
    return join(dirname(pkg), 'bin', 'electron-vite.js');
  } catch {
    throw new Error('the page is not built and electron-vite (a dev dependency) is not installed: run `npm install`, then `npm run build`');
  }
}

/** Runs `electron-vite build` in the project; its output goes to `log` only when it fails. */
export function runBuild(root = projectRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [electronViteCli(), 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new Error(`could not run the build: ${error.message}; run \`npm run build\` yourself`)));
    child.on('close', (status) => {
      if (status === 0) resolve();
      else reject(new Error(`the build failed (exit status ${status ?? 'none'}); run \`npm run build\` to see why. Its last output:\n${output}`));
    });
  });
}

/** Builds when needed; says so through `log`. */
export async function ensureRendererBuilt(rendererDir: string, log: (line: string) => void, root = projectRoot): Promise<void> {
  const reason = await rendererBuildReason(rendererDir, root);
  if (reason === null) return;
  log(`loadlab: building the page first (${reason}): npm run build …`);
  const startedMs = Date.now();
  await runBuild(root);
  log(`loadlab: built in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
}

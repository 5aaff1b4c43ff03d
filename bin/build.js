// Whether out/ is up to date with the sources of a checkout, and building it when it is not.
// Plain Node ESM (no TypeScript): it runs before anything is built. bin/loadlab.js runs it on
// every start in a checkout, so the check stays cheap: one stat per source file and folder, no
// reads, no child process (about 300 files; a few milliseconds). An installed package has no sources, so
// nothing is checked there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's folder (the checkout, or the installed package). */
export const packageRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** Folders whose non-test files are built into a part; folders that do not exist are skipped. */
const NODE_SOURCES = ['common', 'threads', 'bench-runner', 'server-core', 'journal', 'lab', 'cli', 'electron', 'targets', 'experiments'];
// The lock file too: bundled dependencies (zod, hdr-histogram-js) change with it.
const BUILD_FILES = ['package.json', 'package-lock.json', 'electron.vite.config.ts'];

/**
 * The two parts of `npm run build` that can be built alone (`LOADLAB_BUILD_ONLY`, read by
 * electron.vite.config.ts): `node` is Electron's main and preload, the CLI and every thread entry;
 * `renderer` is the page.
 * @type {Record<'node' | 'renderer', { outputs: string[], sourceDirs: string[] }>}
 */
export const BUILD_PARTS = {
  node: { outputs: ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs'], sourceDirs: NODE_SOURCES },
  renderer: { outputs: ['out/renderer/index.html'], sourceDirs: ['renderer', 'common'] },
};

/** Test files and test-only folders are not built, so they never make a build stale. */
const SKIPPED_DIRS = new Set(['test', 'testdata', 'fixtures', 'node_modules']);
const TEST_FILE = /\.test\.tsx?$/;

/** A checkout has the build's own configuration; an installed package does not. */
export function isCheckout(root = packageRoot) {
  return existsSync(join(root, 'electron.vite.config.ts'));
}

/**
 * Newest modification time (ms) under `dir`: of its non-test files, and of the folders themselves
 * (a folder's changes when a file in it is added, removed or renamed); 0 when `dir` is missing.
 */
function newestMs(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let newest = statSync(dir).mtimeMs;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) newest = Math.max(newest, newestMs(path));
    } else if (entry.isFile() && !TEST_FILE.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Why `part` needs building in the checkout at `root`, or null when every output is there and
 * newer than every source file of it.
 * @param {'node' | 'renderer'} part
 * @returns {string | null}
 */
export function buildReason(part, root = packageRoot) {
  const { outputs, sourceDirs } = BUILD_PARTS[part];
  let oldestOutputMs = Infinity;
  for (const output of outputs) {
    const info = statSync(join(root, output), { throwIfNoEntry: false });
    if (info === undefined) return `${output} is missing`;
    oldestOutputMs = Math.min(oldestOutputMs, info.mtimeMs);
  }
  let newestSourceMs = 0;
  for (const dir of sourceDirs) newestSourceMs = Math.max(newestSourceMs, newestMs(join(root, dir)));
  for (const file of BUILD_FILES) newestSourceMs = Math.max(newestSourceMs, statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return newestSourceMs > oldestOutputMs ? `${outputs[0]} is older than its sources` : null;
}

function electronViteCli(root) {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('electron-vite/package.json');
    return join(dirname(pkg), 'bin', 'electron-vite.js');
  } catch {
    throw new Error('out/ needs building and electron-vite (a dev dependency) is not installed: run `npm install`, then `npm run build`');
  }
}

/**
 * Runs `electron-vite build` for the given parts (all of them: the whole `npm run build`). Its
 * output is shown only when it fails.
 * @param {Array<'node' | 'renderer'>} parts
 */
export function runBuild(parts, root = packageRoot) {
  const env = { ...process.env };
  if (parts.length === 1) env.LOADLAB_BUILD_ONLY = parts[0];
  else delete env.LOADLAB_BUILD_ONLY;
  const result = spawnSync(process.execPath, [electronViteCli(root), 'build'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run the build: ${result.error.message}; run \`npm run build\` yourself`);
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.slice(-4000);
    throw new Error(`the build failed (exit status ${result.status ?? result.signal}); run \`npm run build\` to see why. Its last output:\n${output}`);
  }
}

/**
 * In a checkout, builds the parts that are missing or older than their sources, saying so and how
 * long it took through `log`. Does nothing in an installed package.
 * @param {Array<'node' | 'renderer'>} parts
 * @param {(line: string) => void} log
 */
export function ensureBuilt(parts, log, root = packageRoot) {
  if (!isCheckout(root)) return;
  const stale = [];
  const reasons = [];
  for (const part of parts) {
    const reason = buildReason(part, root);
    if (reason === null) continue;
    stale.push(part);
    reasons.push(reason);
  }
  if (stale.length === 0) return;
  const what = stale.length === 2 ? 'everything' : stale[0] === 'node' ? 'the CLI, the app and the thread entries' : 'the page';
  log(`loadlab: building ${what} into out/ first (${reasons.join('; ')}) …`);
  const startedMs = Date.now();
  runBuild(stale, root);
  log(`loadlab: built in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
}

// Where worker threads start from: the load generator's threads (bench-runner) and the built-in
// server's handler threads (server-core).
//
// Invariant: a worker thread runs plain JavaScript and never loads tsx. Registering tsx in each
// new thread and transpiling its entry and imports again cost about 350 ms of CPU per thread:
// `thread-per-request` answered nothing under load, the pools started slowly, and `-t12` spent
// seconds starting threads. So, running from TypeScript sources (tests, `npx loadlab`), the first
// thread a process (or a server thread) needs of a kind makes esbuild bundle that entry and
// everything it imports into one ESM file, named by its content hash, in a folder of this user's
// own under the system temp folder; every Worker of that kind starts from that file. Running as
// built JavaScript (electron-vite output), the entry's .js beside its module is used as it is.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

export interface ThreadBundle {
  /** The bundle: `loadlab-<name>-<first 16 hex digits of its SHA-256>.mjs`. */
  path: string;
  /** False when an identical file was already there and was reused. */
  written: boolean;
}

/** `<temp>/loadlab-<uid>`: shared by this user's processes, private to them. */
export function defaultCacheDir(): string {
  const { uid, username } = userInfo();
  return join(tmpdir(), `loadlab-${uid >= 0 ? uid : username}`);
}

/** The code in the folder is run, so the folder must be ours and closed to others (POSIX). */
async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  const uid = process.getuid?.();
  const foreign = uid !== undefined && (info.uid !== uid || (info.mode & 0o077) !== 0);
  if (!info.isDirectory() || foreign) throw new Error(`${dir} is not a folder private to this user; remove it and start again`);
}

/**
 * Bundles the TypeScript entry `entryTs` into `cacheDir` as `loadlab-<name>-<hash>.mjs`; an
 * identical file already there is reused as it is.
 */
export async function bundleThreadEntry(entryTs: URL, name: string, cacheDir: string = defaultCacheDir()): Promise<ThreadBundle> {
  const esbuild = await import('esbuild');
  // The esbuild service is a child process of this thread: stopped here, while the thread lives
  // to reap it (a server thread that ends with it running leaves a zombie process behind).
  const result = await esbuild
    .build({
      entryPoints: [fileURLToPath(entryTs)],
      // Paths in the bundle's comments are relative to this, so the content (and its hash) does
      // not depend on the current directory.
      absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    })
    .finally(() => esbuild.stop());
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced no output for ${fileURLToPath(entryTs)}`);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  await ensurePrivateDir(cacheDir);
  const path = join(cacheDir, `loadlab-${name}-${hash}.mjs`);
  // Compared byte for byte rather than trusted by name: a file cut short (a crash before the
  // data reached the disk) is written again.
  const existing = await readFile(path).catch(() => null);
  if (existing?.equals(code)) return { path, written: false };
  // Temp file + rename: another process or thread starting a handler never sees half a file.
  const temp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    await writeFile(temp, code, { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { path, written: true };
}

/**
 * The file Workers of one kind start from (see the invariant at the top): `entryTs` when the
 * caller runs as TypeScript, else `entryJs`. Bundled at most once per thread and kind (each
 * thread has its own copy of this module); a failed bundle is tried again on the next call.
 */
export function threadEntry(callerUrl: string, entryTs: URL, entryJs: URL, name: string): Promise<URL> {
  if (!callerUrl.endsWith('.ts')) return Promise.resolve(entryJs);
  let entry = bundled.get(name);
  if (entry === undefined) {
    entry = bundleThreadEntry(entryTs, name).then(
      (bundle) => pathToFileURL(bundle.path),
      (error: unknown) => {
        bundled.delete(name);
        throw error;
      },
    );
    bundled.set(name, entry);
  }
  return entry;
}

const bundled = new Map<string, Promise<URL>>();

// Where handler threads start from.
//
// Invariant: a handler thread runs plain JavaScript and never loads tsx. Through
// worker/bootstrap.js, every new thread registered tsx and transpiled handlerThread.ts and its
// imports again: about 350 ms of CPU per thread, so `thread-per-request` answered nothing under
// load and the pools started slowly. So, running from TypeScript sources (tests, `npx loadlab`),
// the first handler thread a server thread needs makes esbuild bundle handlerThread.ts and
// everything it imports into one ESM file, named by its content hash, in a folder of this user's
// own under the system temp folder; every handler Worker starts from that file. Running as built
// JavaScript (electron-vite output), handlerThread.js beside this module is used as it is.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

export interface HandlerBundle {
  /** The bundle: `loadlab-handler-<first 16 hex digits of its SHA-256>.mjs`. */
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

/** Bundles handlerThread.ts into `cacheDir`; an identical file already there is reused as it is. */
export async function bundleHandlerThread(cacheDir: string = defaultCacheDir()): Promise<HandlerBundle> {
  const esbuild = await import('esbuild');
  // The esbuild service is a child process of this thread: stopped here, while the thread lives
  // to reap it (a server thread that ends with it running leaves a zombie process behind).
  const result = await esbuild
    .build({
      entryPoints: [fileURLToPath(new URL('./handlerThread.ts', import.meta.url))],
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
  if (code === undefined) throw new Error('esbuild produced no output for server-core/handlerThread.ts');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  await ensurePrivateDir(cacheDir);
  const path = join(cacheDir, `loadlab-handler-${hash}.mjs`);
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

/** Per thread (each has its own copy of this module): a server thread bundles at most once. */
let entry: Promise<URL> | undefined;

/** The file handler Workers start from; see the invariant at the top. */
export function handlerThreadEntry(): Promise<URL> {
  entry ??= import.meta.url.endsWith('.ts')
    ? bundleHandlerThread().then(
        (bundle) => pathToFileURL(bundle.path),
        (error: unknown) => {
          entry = undefined; // a later start tries again
          throw error;
        },
      )
    : Promise.resolve(new URL('./handlerThread.js', import.meta.url));
  return entry;
}

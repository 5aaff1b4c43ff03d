// Atomic file replacement: write a temp file in the same folder, fsync it, rename it over the
// target, fsync the folder. A reader sees the old file or the new one, never a torn one, and a
// crash at any point leaves at most a temp file behind (see `isLeftoverTemp`).
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';

/** `.<name>.<pid>.<random>.tmp`: the writer's pid is in the name so others can tell it is dead. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** The pid of the process that wrote a temp file, or null when the name is not one of ours. */
export function tempWriterPid(fileName: string): number | null {
  const match = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(fileName);
  return match ? Number(match[1]) : null;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp file left by a writer that is gone (killed mid-write): safe to delete. */
export function isLeftoverTemp(fileName: string): boolean {
  const pid = tempWriterPid(fileName);
  return pid !== null && (pid !== process.pid ? !processIsAlive(pid) : false);
}

export async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to a new temp file beside `path` and syncs it; returns the temp file's path. */
async function writeSyncedTemp(path: string, content: string): Promise<string> {
  const tempPath = tempPathFor(path);
  const handle = await open(tempPath, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  return tempPath;
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tempPath = await writeSyncedTemp(path, content);
  try {
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await fsyncFolder(dirname(path));
}

/**
 * Like writeFileAtomic, but never replaces: the complete temp file is hard-linked to `path`,
 * which fails with EEXIST when another writer (another process, or a concurrent call in this one)
 * got there first. Returns false then. On a file system without hard links, falls back to a
 * check and a rename (racy, as before).
 */
export async function writeFileExclusive(path: string, content: string): Promise<boolean> {
  const tempPath = await writeSyncedTemp(path, content);
  try {
    await link(tempPath, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(tempPath, { force: true });
      return false;
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') {
      await rm(tempPath, { force: true });
      throw error;
    }
    return renameUnlessExists(tempPath, path);
  }
  await rm(tempPath, { force: true });
  await fsyncFolder(dirname(path));
  return true;
}

async function renameUnlessExists(tempPath: string, path: string): Promise<boolean> {
  try {
    await open(path, 'r').then((handle) => handle.close());
    await rm(tempPath, { force: true });
    return false;
  } catch {
    // not there: take the place
  }
  try {
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await fsyncFolder(dirname(path));
  return true;
}

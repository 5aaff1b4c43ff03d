// Where a finished run goes when it cannot go where it was asked (the journal is read-only or
// full, the --json path cannot be written): a file of its own named by the run's id, in the first
// of these folders that takes it:
//   1. <user data folder>/unsaved-runs/   (beside the default journal; survives a reboot)
//   2. <OS temp folder>/loadlab-unsaved-runs/
// A measurement is never thrown away because its destination failed.
import { mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../../common/errorMessage.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { safeStem } from '../export/fileNames.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { defaultUserDataDir } from './journalDir.ts';

export const FALLBACK_FOLDER_NAME = 'unsaved-runs';

/** The folders tried in order, for the user data folder given (Electron's) or the platform's default. */
export function fallbackDirs(userDataDir?: string): string[] {
  const userData = userDataDir ?? defaultUserDataDir(process.platform, process.env, homedir());
  return [join(userData, FALLBACK_FOLDER_NAME), join(tmpdir(), `loadlab-${FALLBACK_FOLDER_NAME}`)];
}

/** The fallback file's name for a run: its id, made safe as a file name. */
export function fallbackFileName(runId: string): string {
  return `${safeStem(runId)}.json`;
}

/**
 * Writes the record (pretty JSON, as --json does) into the first folder that takes it; returns
 * the file's path. Throws, naming every folder tried and why, when none does.
 */
export async function writeFallbackRecord(record: RunRecord, dirs: readonly string[] = fallbackDirs()): Promise<string> {
  const failures: string[] = [];
  for (const dir of dirs) {
    const path = join(dir, fallbackFileName(record.id));
    try {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
      return path;
    } catch (error) {
      failures.push(`${dir}: ${errorMessage(error)}`);
    }
  }
  throw new Error(`could not write the record anywhere (${failures.join('; ')})`);
}

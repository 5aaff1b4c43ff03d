// The journal on disk: a folder of plain files.
//   runs/<id>.json    one run record each, written atomically
//   trash/<id>.json   deleted runs, until restored (deleting is a rename, so it is undoable)
//   index.json        cached headers (see headerIndex.ts), rebuilt from runs/ whenever stale
// Files the journal cannot read are reported by name and left exactly as they are.
import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareHeadersNewestFirst, runHeaderOf, type RunHeader } from '../../common/runHeader.ts';
import { runRecordSchema, type RunRecord } from '../../common/runRecord.ts';
import { fsyncFolder, isLeftoverTemp, writeFileAtomic, writeFileExclusive } from './atomicWrite.ts';
import { entryIsFresh, readHeaderIndex, writeHeaderIndex, type IndexEntry } from './headerIndex.ts';
import { describeRecordProblem } from './recordProblems.ts';
import { errorMessage } from '../../common/errorMessage.ts';

/** A file in the journal folder that is not a readable run record. */
export interface JournalProblem {
  file: string;
  reason: string;
}

export interface JournalListing {
  runs: RunHeader[];
  problems: JournalProblem[];
}

export interface RunPatch {
  title?: string | undefined;
  notes?: string | undefined;
  tags?: string[] | undefined;
}

export type PutOutcome = 'added' | 'exists';

export class JournalError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'exists' | 'invalid-id' | 'damaged',
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertRunId(id: string): void {
  if (!ID_PATTERN.test(id)) throw new JournalError(`not a run id: ${JSON.stringify(id)}`, 'invalid-id');
}

export interface Journal {
  readonly dir: string;
  list(): Promise<JournalListing>;
  listTrash(): Promise<JournalListing>;
  get(id: string): Promise<RunRecord>;
  /** Adds a run; an existing run with the same id is left alone ('exists'), also when another writer adds it meanwhile. */
  put(record: RunRecord): Promise<PutOutcome>;
  update(id: string, patch: RunPatch): Promise<RunRecord>;
  /** Moves the run to the trash. */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
}

export async function openJournal(dir: string): Promise<Journal> {
  const runsDir = join(dir, 'runs');
  const trashDir = join(dir, 'trash');
  const indexPath = join(dir, 'index.json');
  await mkdir(runsDir, { recursive: true });
  await mkdir(trashDir, { recursive: true });

  const runPath = (id: string): string => {
    assertRunId(id);
    return join(runsDir, `${id}.json`);
  };

  async function readRecordFile(path: string, file: string): Promise<RunRecord> {
    const text = await readFile(path, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new JournalError(`${file}: not JSON (${errorMessage(error)})`, 'damaged');
    }
    const parsed = runRecordSchema.safeParse(json);
    if (!parsed.success) throw new JournalError(`${file}: ${describeRecordProblem(parsed.error)}`, 'damaged');
    return parsed.data;
  }

  /** Reads headers of a folder, from the cache where the file is unchanged. */
  async function listFolder(folder: string, cache: Map<string, IndexEntry> | null): Promise<{ listing: JournalListing; entries: Map<string, IndexEntry>; changed: boolean }> {
    const names = (await readdir(folder)).sort();
    const runs: RunHeader[] = [];
    const problems: JournalProblem[] = [];
    const entries = new Map<string, IndexEntry>();
    let changed = false;
    const candidates: string[] = [];
    for (const name of names) {
      if (name.startsWith('.')) {
        // Tidying is best-effort: a read-only journal still lists.
        if (isLeftoverTemp(name)) await rm(join(folder, name), { force: true }).catch(() => undefined);
      } else if (!name.endsWith('.json')) {
        problems.push({ file: name, reason: 'not a run record (only <id>.json files belong here); left as it is' });
      } else {
        candidates.push(name);
      }
    }
    // Stat calls in parallel batches: sequential ones dominate a listing of thousands of runs.
    const infos = await statInBatches(candidates.map((name) => join(folder, name)));
    for (const [index, name] of candidates.entries()) {
      const info = infos[index];
      if (info === undefined || info === null || !info.isFile()) continue; // removed meanwhile, or a folder
      const path = join(folder, name);
      const cached = cache?.get(name);
      if (entryIsFresh(cached, info.size, info.mtimeMs)) {
        runs.push(cached.header);
        entries.set(name, cached);
        continue;
      }
      changed = true;
      try {
        const record = await readRecordFile(path, name);
        if (`${record.id}.json` !== name) throw new JournalError(`${name}: holds run ${record.id}; the file name must be ${record.id}.json`, 'damaged');
        const header = runHeaderOf(record);
        runs.push(header);
        entries.set(name, { sizeBytes: info.size, mtimeMs: info.mtimeMs, header });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        problems.push({ file: name, reason: error instanceof Error ? error.message.replace(`${name}: `, '') : String(error) });
      }
    }
    if (cache !== null && cache.size !== entries.size) changed = true;
    runs.sort(compareHeadersNewestFirst);
    return { listing: { runs, problems }, entries, changed };
  }

  async function get(id: string): Promise<RunRecord> {
    const path = runPath(id);
    try {
      return await readRecordFile(path, `${id}.json`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalError(`no run ${id} in the journal`, 'not-found');
      throw error;
    }
  }

  async function moveBetween(id: string, from: string, to: string, what: string): Promise<void> {
    assertRunId(id);
    const source = join(from, `${id}.json`);
    const destination = join(to, `${id}.json`);
    if (await exists(destination)) throw new JournalError(`run ${id} is already ${what === 'trash' ? 'in the trash' : 'in the journal'}`, 'exists');
    try {
      await rename(source, destination);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalError(`no run ${id} ${what === 'trash' ? 'in the journal' : 'in the trash'}`, 'not-found');
      throw error;
    }
    await fsyncFolder(from);
    await fsyncFolder(to);
  }

  return {
    dir,
    async list() {
      const cache = await readHeaderIndex(indexPath);
      const { listing, entries, changed } = await listFolder(runsDir, cache);
      // The index is only a cache: a journal that cannot be written (read-only, full, not ours)
      // still lists, it just re-reads changed files next time.
      if (changed) await writeHeaderIndex(indexPath, entries).catch(() => undefined);
      return listing;
    },
    async listTrash() {
      return (await listFolder(trashDir, null)).listing;
    },
    get,
    async put(record) {
      const valid = runRecordSchema.parse(record);
      const path = runPath(valid.id);
      if (await exists(path)) return 'exists';
      // Exclusive: of two concurrent puts of the same run (two imports at once), one adds it.
      return (await writeFileExclusive(path, `${JSON.stringify(valid, null, 1)}\n`)) ? 'added' : 'exists';
    },
    async update(id, patch) {
      const record = await get(id);
      const updated: RunRecord = {
        ...record,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(patch.tags !== undefined ? { tags: normaliseTags(patch.tags) } : {}),
      };
      await writeFileAtomic(runPath(id), `${JSON.stringify(runRecordSchema.parse(updated), null, 1)}\n`);
      return updated;
    },
    async remove(id) {
      await moveBetween(id, runsDir, trashDir, 'trash');
    },
    async restore(id) {
      await moveBetween(id, trashDir, runsDir, 'journal');
    },
  };
}

/** Trimmed, non-empty, unique, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

const STAT_BATCH = 256;

/** stat() of each path, null for one that is gone; at most STAT_BATCH calls in flight. */
async function statInBatches(paths: readonly string[]): Promise<(Stats | null)[]> {
  const results: (Stats | null)[] = [];
  for (let start = 0; start < paths.length; start += STAT_BATCH) {
    const batch = paths.slice(start, start + STAT_BATCH).map((path) => stat(path).catch(() => null));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// The journal's index: one header per run file, keyed by file name and checked against the
// file's size and mtime. It is only a cache: deleting it, or any damage to it, costs one full
// re-read of the folder and nothing else.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { runHeaderSchema, type RunHeader } from '../../common/runHeader.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/** /2: headers gained serverProfile and build (issue 14); an index of another version is read again from the runs. */
export const INDEX_SCHEMA = 'loadlab.journal-index/2';

const indexEntrySchema = z.object({ sizeBytes: z.number(), mtimeMs: z.number(), header: runHeaderSchema });
export type IndexEntry = z.infer<typeof indexEntrySchema>;

const indexFileSchema = z.object({ schema: z.literal(INDEX_SCHEMA), files: z.record(z.string(), indexEntrySchema) });

/** The cached entries, or none when the index is missing, damaged or of another version. */
export async function readHeaderIndex(path: string): Promise<Map<string, IndexEntry>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const parsed = indexFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? new Map(Object.entries(parsed.data.files)) : new Map();
  } catch {
    return new Map();
  }
}

export async function writeHeaderIndex(path: string, entries: ReadonlyMap<string, IndexEntry>): Promise<void> {
  const files: Record<string, IndexEntry> = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(path, `${JSON.stringify({ schema: INDEX_SCHEMA, files })}\n`);
}

export function entryIsFresh(entry: IndexEntry | undefined, sizeBytes: number, mtimeMs: number): entry is IndexEntry {
  return entry !== undefined && entry.sizeBytes === sizeBytes && entry.mtimeMs === mtimeMs;
}

export type { RunHeader };

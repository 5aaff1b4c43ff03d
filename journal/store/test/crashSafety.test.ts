// A writer killed with SIGKILL at random points never leaves a record that does not parse and
// never loses a record it reported written; two writers at once lose nothing.
import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../../common/runRecord.ts';
import { seededRandom } from '../../../bench-runner/connPacer.ts';
import { openJournal } from '../journal.ts';
import { bundleWriter, startWriter } from './writerProcess.ts';

const KILLS = 250;
let bundle: string;
let dir: string;

beforeAll(async () => {
  bundle = await bundleWriter();
  dir = await mkdtemp(join(tmpdir(), 'loadlab-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAllRecords(runsDir: string): Promise<Map<string, string>> {
  const notesById = new Map<string, string>();
  for (const name of await readdir(runsDir)) {
    if (name.startsWith('.')) continue;
    const record = runRecordSchema.parse(JSON.parse(await readFile(join(runsDir, name), 'utf8')));
    notesById.set(record.id, record.notes);
  }
  return notesById;
}

describe('journal crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random points`, { timeout: 300_000 }, async () => {
    const random = seededRandom(20261127);
    const written = new Set<string>();
    const updated = new Set<string>();
    for (let round = 0; round < KILLS; round += 1) {
      const writer = startWriter(bundle, dir, `r${String(round).padStart(3, '0')}`, 1000);
      // Let it start, then kill it somewhere inside its write loop.
      await new Promise<void>((resolve) => {
        const waitForFirst = setInterval(() => {
          if (writer.lines.length > 0 || writer.child.exitCode !== null) {
            clearInterval(waitForFirst);
            setTimeout(resolve, random() * 15);
          }
        }, 1);
      });
      writer.child.kill('SIGKILL');
      await writer.exited;
      for (const line of writer.lines) {
        const [verb, id] = line.split(' ');
        if (id === undefined) continue;
        if (verb === 'put') written.add(id);
        if (verb === 'updated') updated.add(id);
      }
    }
    // Every file parses, every reported write is there, every reported update kept.
    const records = await readAllRecords(join(dir, 'runs'));
    for (const id of written) expect(records.has(id), id).toBe(true);
    for (const id of updated) expect(records.get(id), id).toMatch(/^updated by \d+$/);
    expect(written.size).toBeGreaterThan(KILLS);
    // Some kills landed between a temp file's creation and its rename (else this proved little).
    const leftovers = (await readdir(join(dir, 'runs'))).filter((name) => name.startsWith('.'));
    expect(leftovers.length).toBeGreaterThan(0);
    // The journal lists them all, reports nothing damaged, and clears the dead writers' temp files.
    const journal = await openJournal(dir);
    const { runs, problems } = await journal.list();
    expect(problems).toEqual([]);
    expect(runs.length).toBe(records.size);
    expect((await readdir(join(dir, 'runs'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('loses nothing with two writers at once', { timeout: 120_000 }, async () => {
    const shared = await mkdtemp(join(tmpdir(), 'loadlab-two-writers-'));
    try {
      const writers = [startWriter(bundle, shared, 'a', 150), startWriter(bundle, shared, 'b', 150)];
      expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
      const journal = await openJournal(shared);
      const { runs, problems } = await journal.list();
      expect(problems).toEqual([]);
      expect(runs.length).toBe(300);
      expect(runs.filter((run) => run.tags.includes('updated')).length).toBe(100);
    } finally {
      await rm(shared, { recursive: true, force: true });
    }
  });
});

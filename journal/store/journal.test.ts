import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../common/runRecord.ts';
import { sampleImportedRecord, sampleRecordWith } from '../../common/testing/sampleRecords.ts';
import { JournalError, openJournal, type Journal } from './journal.ts';

let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-journal-'));
  journal = await openJournal(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runFile = (id: string): string => join(dir, 'runs', `${id}.json`);

describe('journal store', () => {
  it('round-trips a record exactly and lists newest first', async () => {
    const older = sampleRecordWith('run-a', '2026-01-01T00:00:00.000Z');
    const newer = sampleRecordWith('run-b', '2026-02-01T00:00:00.000Z', { title: 'newer' });
    expect(await journal.put(older)).toBe('added');
    expect(await journal.put(newer)).toBe('added');
    expect(await journal.get('run-a')).toEqual(runRecordSchema.parse(older));
    const { runs, problems } = await journal.list();
    expect(problems).toEqual([]);
    expect(runs.map((run) => run.id)).toEqual(['run-b', 'run-a']);
    expect(runs[0]).toMatchObject({ title: 'newer', reqPerSec: 10, p99Us: 5, errors: 0, sourceTool: null });
  });

  it('keeps an imported run with unknown figures as unknown', async () => {
    await journal.put(sampleImportedRecord);
    const { runs } = await journal.list();
    expect(runs[0]).toMatchObject({ p99Us: null, p50Us: null, sourceTool: 'wrk', startedAt: null });
    expect((await journal.get(sampleImportedRecord.id)).summary.latencyUs.p99).toBeNull();
  });

  it('leaves an existing run alone when the same id is put again', async () => {
    await journal.put(sampleRecordWith('same', '2026-01-01T00:00:00.000Z', { title: 'first' }));
    expect(await journal.put(sampleRecordWith('same', '2026-01-01T00:00:00.000Z', { title: 'second' }))).toBe('exists');
    expect((await journal.get('same')).title).toBe('first');
  });

  it('updates title, notes and tags (tags trimmed and unique)', async () => {
    await journal.put(sampleRecordWith('edit', '2026-01-01T00:00:00.000Z'));
    const updated = await journal.update('edit', { title: 'pool, 4 workers', notes: '## why\nqueue wait', tags: [' pool ', 'pool', '', 'keep-alive'] });
    expect(updated).toMatchObject({ title: 'pool, 4 workers', notes: '## why\nqueue wait', tags: ['pool', 'keep-alive'] });
    expect(await journal.get('edit')).toEqual(updated);
    expect((await journal.list()).runs[0]).toMatchObject({ title: 'pool, 4 workers', tags: ['pool', 'keep-alive'], hasNotes: true });
  });

  it('moves a deleted run to the trash and restores it', async () => {
    await journal.put(sampleRecordWith('gone', '2026-01-01T00:00:00.000Z'));
    await journal.remove('gone');
    expect((await journal.list()).runs).toEqual([]);
    expect((await journal.listTrash()).runs.map((run) => run.id)).toEqual(['gone']);
    await expect(journal.get('gone')).rejects.toMatchObject({ code: 'not-found' });
    await journal.restore('gone');
    expect((await journal.list()).runs.map((run) => run.id)).toEqual(['gone']);
    await expect(journal.restore('gone')).rejects.toThrow('run gone is already in the journal');
    await expect(journal.restore('never')).rejects.toMatchObject({ code: 'not-found' });
    await expect(journal.remove('never')).rejects.toThrow('no run never in the journal');
  });

  it('refuses to restore over a run that came back meanwhile', async () => {
    await journal.put(sampleRecordWith('twice', '2026-01-01T00:00:00.000Z'));
    await journal.remove('twice');
    await journal.put(sampleRecordWith('twice', '2026-01-01T00:00:00.000Z'));
    await expect(journal.restore('twice')).rejects.toMatchObject({ code: 'exists' });
  });

  it('refuses ids that are not plain file names', async () => {
    for (const id of ['../escape', 'a/b', '', '.hidden', 'x'.repeat(200)]) {
      await expect(journal.get(id)).rejects.toBeInstanceOf(JournalError);
    }
    await expect(journal.put(sampleRecordWith('../../etc/x', '2026-01-01T00:00:00.000Z'))).rejects.toMatchObject({ code: 'invalid-id' });
  });

  it('reports damaged and foreign files by name, never touching them, and lists the rest', async () => {
    await journal.put(sampleRecordWith('good', '2026-01-01T00:00:00.000Z'));
    const full = await readFile(runFile('good'), 'utf8');
    const damaged = { 'torn.json': full.slice(0, 100), 'foreign.json': '{"hello": "world"}\n', 'notes.txt': 'my notes\n' };
    for (const [name, content] of Object.entries(damaged)) await writeFile(join(dir, 'runs', name), content);
    await writeFile(runFile('misnamed'), full);
    const { runs, problems } = await journal.list();
    expect(runs.map((run) => run.id)).toEqual(['good']);
    expect(problems.map((problem) => problem.file).sort()).toEqual(['foreign.json', 'misnamed.json', 'notes.txt', 'torn.json']);
    expect(problems.find((problem) => problem.file === 'torn.json')?.reason).toMatch(/not JSON/);
    expect(problems.find((problem) => problem.file === 'foreign.json')?.reason).toMatch(/not a Loadlab run record: schema/);
    expect(problems.find((problem) => problem.file === 'misnamed.json')?.reason).toMatch(/holds run good/);
    for (const [name, content] of Object.entries(damaged)) expect(await readFile(join(dir, 'runs', name), 'utf8')).toBe(content);
    await expect(journal.get('torn')).rejects.toMatchObject({ code: 'damaged' });
  });

  it('serves unchanged files from the index and re-reads changed ones', async () => {
    await journal.put(sampleRecordWith('cached', '2026-01-01T00:00:00.000Z', { title: 'original' }));
    const path = runFile('cached');
    const wholeSecond = new Date(1_700_000_000_000);
    await utimes(path, wholeSecond, wholeSecond);
    await journal.list();
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'))).toMatchObject({ schema: 'loadlab.journal-index/2' });
    // Same size and mtime: the index answers without reading the file.
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('original', 'ORIGINAL'));
    await utimes(path, wholeSecond, wholeSecond);
    expect((await journal.list()).runs[0]?.title).toBe('original');
    // A real edit changes the mtime: the file is read again.
    await writeFile(path, text.replace('original', 'edited!!'));
    await utimes(path, wholeSecond, new Date(wholeSecond.getTime() + 5000));
    expect((await journal.list()).runs[0]?.title).toBe('edited!!');
  });

  it('rebuilds a damaged or missing index from the files', async () => {
    await journal.put(sampleRecordWith('one', '2026-01-01T00:00:00.000Z'));
    await journal.put(sampleRecordWith('two', '2026-01-02T00:00:00.000Z'));
    await journal.list();
    await writeFile(join(dir, 'index.json'), '{ broken');
    expect((await journal.list()).runs.map((run) => run.id)).toEqual(['two', 'one']);
    await rm(join(dir, 'index.json'));
    expect((await journal.list()).runs.map((run) => run.id)).toEqual(['two', 'one']);
    await rm(runFile('one'));
    expect((await journal.list()).runs.map((run) => run.id)).toEqual(['two']);
  });

  it("cleans up a dead writer's temp file and keeps a live writer's", async () => {
    const deadPid = 2 ** 22 + 17; // above Linux's pid_max default: no such process
    const dead = `.x.json.${deadPid}.0123abcd.tmp`;
    const live = `.y.json.${process.pid}.0123abcd.tmp`;
    await writeFile(join(dir, 'runs', dead), '{');
    await writeFile(join(dir, 'runs', live), '{');
    const { problems } = await journal.list();
    expect(problems).toEqual([]);
    expect((await readdir(join(dir, 'runs'))).sort()).toEqual([live]);
  });

  it('lists when its index cannot be written (reading never requires writing)', async () => {
    await journal.put(sampleRecordWith('kept', '2026-01-01T00:00:00.000Z'));
    // A folder where the index goes: every write of it fails (as on a read-only or full disk).
    await mkdir(join(dir, 'index.json', 'blocked'), { recursive: true });
    const { runs, problems } = await journal.list();
    expect(runs.map((run) => run.id)).toEqual(['kept']);
    expect(problems).toEqual([]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

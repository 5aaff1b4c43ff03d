// A finished run the journal does not take is kept: in memory (listed, downloadable, retried)
// and in a fallback file named by its id; nothing is thrown away.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabEventName, LabEvents } from '../common/labApi.ts';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { createLab, type Lab } from './lab.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-unsaved-'));
  lab = await createLab({ journalDir: join(dir, 'journal'), host: 'web', fallbackDirs: [join(dir, 'fallback')] });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function next<E extends LabEventName>(event: E, timeoutMs = 20_000): Promise<LabEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const off = lab.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** The journal cannot write runs: a file where its runs/ folder is. */
async function breakJournal(): Promise<void> {
  await rm(join(dir, 'journal', 'runs'), { recursive: true });
  await writeFile(join(dir, 'journal', 'runs'), 'not a folder');
}

async function mendJournal(): Promise<void> {
  await rm(join(dir, 'journal', 'runs'));
  await mkdir(join(dir, 'journal', 'runs'));
}

describe('a run whose save fails', () => {
  it('is kept in memory and in a fallback file, listed, downloadable, and saved by a retry', async () => {
    await lab.call('server.start', { port: 0 });
    await breakJournal();
    const saveFailed = next('run.saveFailed');
    let finished = false;
    lab.on('run.finished', () => (finished = true));
    const status = await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 50, threads: 1, connections: 1, durationMs: 500 });
    const failed = await saveFailed;
    expect(finished).toBe(false);
    expect(failed.runId).toBe(status.runId);
    expect(failed.reason).toMatch(/ENOTDIR/);
    const id = failed.header.id;
    expect(failed.fallbackPath).toBe(join(dir, 'fallback', `${id}.json`));
    expect(failed.fallbackError).toBeNull();
    const onDisk = measuredRunRecordSchema.parse(JSON.parse(await readFile(failed.fallbackPath ?? '', 'utf8')));
    expect(onDisk.id).toBe(id);

    // A page that attaches (or reloads) now sees it.
    expect(await lab.call('run.unsaved', {})).toEqual([failed]);
    expect((await lab.call('run.unsavedRecord', { id })).summary.requests).toBe(onDisk.summary.requests);
    expect((await lab.call('run.status', {})).state).toBe('idle');

    // Still broken: the retry fails, the run stays kept.
    await expect(lab.call('run.retrySave', { id })).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(/still not saved: .*ENOTDIR/) as unknown });
    expect(await lab.call('run.unsaved', {})).toHaveLength(1);

    await mendJournal();
    const changed = next('run.unsavedChanged');
    const header = await lab.call('run.retrySave', { id });
    expect(header.id).toBe(id);
    expect((await changed).unsaved).toEqual([]);
    expect(await lab.call('run.unsaved', {})).toEqual([]);
    expect((await lab.call('journal.list', {})).runs.map((run) => run.id)).toEqual([id]);
  });

  it('says so when the fallback file cannot be written either, and keeps the record in memory', async () => {
    await lab.close();
    await writeFile(join(dir, 'blocked'), 'a file, not a folder');
    lab = await createLab({ journalDir: join(dir, 'journal'), host: 'web', fallbackDirs: [join(dir, 'blocked', 'fallback')] });
    await lab.call('server.start', { port: 0 });
    await breakJournal();
    const saveFailed = next('run.saveFailed');
    await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 50, threads: 1, connections: 1, durationMs: 300 });
    const failed = await saveFailed;
    expect(failed.fallbackPath).toBeNull();
    expect(failed.fallbackError).toMatch(/could not write the record anywhere/);
    expect((await lab.call('run.unsavedRecord', { id: failed.header.id })).id).toBe(failed.header.id);
    await lab.call('run.discardUnsaved', { id: failed.header.id });
    await expect(lab.call('run.unsavedRecord', { id: failed.header.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});

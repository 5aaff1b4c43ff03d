// Import per file and per run: nothing one bad file or record does stops the others or goes
// unreported.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import { readTestdata } from './import/testdataFiles.ts';
import { importFiles } from './importFiles.ts';
import { openJournal, type Journal } from './store/journal.ts';

const AT = '2026-12-06T12:00:00.000Z';
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-import-'));
  journal = await openJournal(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const wrkFile = { name: 'wrk2.txt', text: readTestdata('wrk2-readme-basic.txt') };

describe('importFiles', () => {
  it('reports every run of a batch with a hostile id: the others added, it refused with its reason', async () => {
    const good = simulatedRecord({ id: 'good-run', seed: 1 });
    const hostile = simulatedRecord({ id: '../../etc/x', seed: 2 });
    const batch = { name: 'batch.json', text: JSON.stringify([good, hostile]) };
    const later = { name: 'later.json', text: JSON.stringify(simulatedRecord({ id: 'later-run', seed: 3 })) };
    const summary = await importFiles(journal, [wrkFile, batch, later], AT);
    expect(summary.added.map((run) => run.id)).toEqual([expect.any(String), 'good-run', 'later-run']);
    expect(summary.refused).toEqual([{ file: 'batch.json', runId: '../../etc/x', message: expect.stringContaining('not a run id') as unknown }]);
    expect(summary.errors).toEqual([]);
    expect((await readdir(join(dir, 'runs'))).sort()).toHaveLength(3);
  });

  it('refuses a run whose histogram does not decode, naming it, and takes the rest', async () => {
    const corrupt = { ...simulatedRecord({ id: 'corrupt-run', seed: 1 }), histograms: { correctedUs: 'HISTFAAAACR4nJNpmSzMwMDAxQABzFCaEUzOmNZg', uncorrectedUs: null } };
    const summary = await importFiles(journal, [{ name: 'runs.json', text: JSON.stringify([corrupt, simulatedRecord({ id: 'fine-run', seed: 2 })]) }], AT);
    expect(summary.added.map((run) => run.id)).toEqual(['fine-run']);
    expect(summary.refused).toEqual([{ file: 'runs.json', runId: 'corrupt-run', message: expect.stringMatching(/^histograms\.correctedUs is not a compressed HdrHistogram/) as unknown }]);
  });

  it('reports what was written and what was not when the disk fills up (ENOSPC)', async () => {
    let puts = 0;
    const full: Journal = {
      ...journal,
      put: async (record) => {
        puts += 1;
        if (puts > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return journal.put(record);
      },
    };
    const records = [1, 2, 3].map((seed) => simulatedRecord({ id: `run-${seed}`, seed }));
    const summary = await importFiles(full, [{ name: 'three.json', text: JSON.stringify(records) }], AT);
    expect(summary.added.map((run) => run.id)).toEqual(['run-1']);
    expect(summary.refused.map((run) => [run.runId, run.message])).toEqual([
      ['run-2', 'ENOSPC: no space left on device, write'],
      ['run-3', 'ENOSPC: no space left on device, write'],
    ]);
  });

  it('two imports of the same runs at once report each run added once', async () => {
    const records = [1, 2, 3, 4].map((seed) => simulatedRecord({ id: `same-${seed}`, seed }));
    const file = { name: 'same.json', text: JSON.stringify(records) };
    const [first, second] = await Promise.all([importFiles(journal, [file], AT), importFiles(await openJournal(dir), [file], AT)]);
    const added = [...(first?.added ?? []), ...(second?.added ?? [])].map((run) => run.id).sort();
    expect(added).toEqual(['same-1', 'same-2', 'same-3', 'same-4']);
    expect([...(first?.existing ?? []), ...(second?.existing ?? [])].sort()).toEqual(['same-1', 'same-2', 'same-3', 'same-4']);
  });
});

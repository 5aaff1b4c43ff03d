// The lab's journal.experiment view and journal.exportExperiment over a journal holding a
// synthetic sweep (fixed records, no load): the server facts for Compare's labels, the files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticSweep } from '../experiments/testing/syntheticSweep.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { openJournal } from '../journal/store/journal.ts';
import { createLab, type Lab } from './lab.ts';

const sweep = syntheticSweep({ capacityPerSec: 1000, ratesPerSec: [100, 200, 400, 800], idPrefix: 'pool' });
let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-sweep-export-'));
  const journal = await openJournal(dir);
  for (const record of sweep.runs.values()) await journal.put(record);
  await (await openExperiments(dir)).put(sweep.experiment);
  lab = await createLab({ journalDir: dir, host: 'web' });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lab sweep views and exports', () => {
  it('the view names the server and the highest throughput', async () => {
    const view = await lab.call('journal.experiment', { id: sweep.experiment.id });
    expect(view.server).toMatchObject({ model: 'pool-shared ×4', sameForAllSteps: true });
    expect(view.highestAchievedPerSec).toBe(800);
    expect(view.kneePerSec).toBe(400);
  });

  it('exports each format; an unknown id or format is refused', async () => {
    const html = await lab.call('journal.exportExperiment', { id: sweep.experiment.id, format: 'html' });
    expect(html.files.map((file) => file.name)).toEqual([`${sweep.experiment.id}.html`]);
    expect(html.files[0]?.content).toContain('<svg');
    const md = await lab.call('journal.exportExperiment', { id: sweep.experiment.id, format: 'md' });
    expect(md.files.map((file) => file.name)).toEqual([`${sweep.experiment.id}.md`, `${sweep.experiment.id}-curve.svg`]);
    const csv = await lab.call('journal.exportExperiment', { id: sweep.experiment.id, format: 'csv' });
    expect(csv.files[0]?.content.split('\r\n').filter((line) => line !== '')).toHaveLength(5);
    await expect(lab.call('journal.exportExperiment', { id: 'nope', format: 'json' })).rejects.toMatchObject({ code: 'not-found', message: 'no experiment nope in the journal' });
    await expect(lab.call('journal.exportExperiment', { id: sweep.experiment.id, format: 'hlog' as 'csv' })).rejects.toMatchObject({ code: 'bad-params' });
  });
});

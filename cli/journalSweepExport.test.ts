// `loadlab journal export --experiment` and `loadlab journal sweeps --compare` over a journal
// holding two synthetic sweeps (no load: the records are fixed, so the knees are known).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSweep } from '../experiments/testing/syntheticSweep.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { openJournal } from '../journal/store/journal.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

let dir = '';
const pool = syntheticSweep({ capacityPerSec: 1000, ratesPerSec: [100, 200, 400, 800, 1600], idPrefix: 'pool' });
const single = syntheticSweep({ capacityPerSec: 150, ratesPerSec: [50, 100, 200], idPrefix: 'single', server: { kind: 'builtin', model: 'single', settings: {} } });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-sweep-export-'));
  const journal = await openJournal(dir);
  const store = await openExperiments(dir);
  for (const sweep of [pool, single]) {
    for (const record of sweep.runs.values()) await journal.put(record);
    await store.put(sweep.experiment);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab journal export --experiment', () => {
  it('writes the sweep as Markdown with its curve beside it', async () => {
    const out = join(dir, 'out');
    const result = await runLoadlab(['journal', 'export', '--experiment', pool.experiment.id, '--format', 'md', '--out', join(out, 'pool.md'), '--journal', dir]);
    expect(result.stderr).toContain(`exported sweep ${pool.experiment.id} as md`);
    expect(result.status).toBe(0);
    expect((await readdir(out)).sort()).toEqual([`${pool.experiment.id}-curve.svg`, 'pool.md']);
    expect(await readFile(join(out, 'pool.md'), 'utf8')).toContain('← knee');
  });

  it('refuses an unknown id, run ids beside it and .hlog, with a clear message', async () => {
    const unknown = await runLoadlab(['journal', 'export', '--experiment', 'nope', '--format', 'html', '--out', join(dir, 'x.html'), '--journal', dir]);
    expect(unknown.stderr).toMatch(/no experiment nope in the journal/);
    expect(unknown.status).not.toBe(0);
    const mixed = await runLoadlab(['journal', 'export', 'pool-1', '--experiment', pool.experiment.id, '--format', 'html', '--out', join(dir, 'x.html'), '--journal', dir]);
    expect(mixed.stderr).toMatch(/--experiment exports one sweep/);
    expect(mixed.status).toBe(2);
    const hlog = await runLoadlab(['journal', 'export', '--experiment', pool.experiment.id, '--format', 'hlog', '--out', join(dir, 'x.hlog'), '--journal', dir]);
    expect(hlog.stderr).toMatch(/a sweep exports as md, html, json, csv/);
    expect(hlog.status).toBe(2);
  });
});

describe('loadlab journal sweeps --compare', () => {
  it('prints the knees side by side, each sweep labelled by its model', async () => {
    const result = await runLoadlab(['journal', 'sweeps', '--compare', pool.experiment.id, single.experiment.id, '--journal', dir]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^sweep +knee \(req\/s\) +p99 at knee +highest \(req\/s\)/);
    expect(lines[1]).toMatch(/^pool-shared ×4 +400 /);
    expect(lines[2]).toMatch(/^single +100 /);
  });

  it('needs two ids', async () => {
    const result = await runLoadlab(['journal', 'sweeps', '--compare', pool.experiment.id, '--journal', dir]);
    expect(result.stderr).toMatch(/--compare takes two or more sweep ids/);
    expect(result.status).toBe(2);
  });
});

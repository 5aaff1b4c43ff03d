import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPERIMENT_SCHEMA, type ExperimentRecord } from '../../common/experimentRecord.ts';
import { openExperiments } from './experiments.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-experiments-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sweep(id: string, startedAt: string): ExperimentRecord {
  return {
    schema: EXPERIMENT_SCHEMA,
    id,
    kind: 'sweep',
    title: 'pool sweep',
    notes: '',
    tags: ['sweep'],
    startedAt,
    finishedAt: startedAt,
    plan: { url: 'http://127.0.0.1:7878/', threads: 2, connections: 20, stepDurationMs: 10_000, warmupMs: null, plannedRatesPerSec: [100, 200], refineSteps: 0, slo: null, errorLimitPct: 1 },
    steps: [{ runId: 'r1', targetPerSec: 100, kind: 'step' }],
    endedEarly: null,
    kneePerSec: 100,
    kneeSummary: 'no knee up to 100 req/s',
  };
}

describe('experiment store', () => {
  it('keeps experiments as files and lists them newest first', async () => {
    const store = await openExperiments(dir);
    await store.put(sweep('e1', '2026-12-01T10:00:00.000Z'));
    await store.put(sweep('e2', '2026-12-02T10:00:00.000Z'));
    expect((await store.list()).experiments.map((experiment) => experiment.id)).toEqual(['e2', 'e1']);
    expect(await store.get('e1')).toEqual(sweep('e1', '2026-12-01T10:00:00.000Z'));
    expect(JSON.parse(await readFile(join(dir, 'experiments', 'e1.json'), 'utf8'))).toMatchObject({ schema: EXPERIMENT_SCHEMA });
  });

  it('reports a damaged file by name and keeps it', async () => {
    const store = await openExperiments(dir);
    await writeFile(join(dir, 'experiments', 'bad.json'), '{ not json');
    const listing = await store.list();
    expect(listing.experiments).toEqual([]);
    expect(listing.problems).toEqual([{ file: join('experiments', 'bad.json'), reason: expect.stringMatching(/^bad\.json: not JSON/) }]);
    expect(await readFile(join(dir, 'experiments', 'bad.json'), 'utf8')).toBe('{ not json');
  });

  it('refuses ids that are not ids and says when one is missing', async () => {
    const store = await openExperiments(dir);
    await expect(store.get('../x')).rejects.toThrow(/not a run id/);
    await expect(store.get('nope')).rejects.toThrow('no experiment nope in the journal');
  });
});

// `journal export --group`: the comparison groups as asked and says which runs each group holds;
// without it each run is alone, whatever the tags (issue 11, item 4).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';

const seedPath = new URL('../journal/import/testdata/seed-000_cba8d662fb279400.txt', import.meta.url).pathname;
let dir = '';
const journal = (...args: string[]) => runLoadlab(['journal', ...args, '--journal', join(dir, 'journal')]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-export-groups-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journal export --group', () => {
  it('groups the comparison as asked; each run alone without it; a bad group is a usage error', async () => {
    expect((await journal('import', seedPath)).status).toBe(0);
    const listed = JSON.parse((await journal('list', '--json')).stdout) as { runs: { id: string }[] };
    const [a, b, c, d] = listed.runs.map((run) => run.id);
    if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('the seed has fewer than 4 runs');

    const grouped = await journal('export', '--group', `first=${a},${c}`, '--group', `second=${b},${d}`, '--format', 'md', '--out', join(dir, 'grouped.md'));
    expect(grouped.status).toBe(0);
    const markdown = await readFile(join(dir, 'grouped.md'), 'utf8');
    expect(markdown).toContain('Groups, each the median of its runs, the first the baseline: first: #1, #2; second: #3, #4.');
    expect(markdown).toContain('| Metric | first (baseline) | second |');

    expect((await journal('export', a, b, '--format', 'md', '--out', join(dir, 'alone.md'))).status).toBe(0);
    expect(await readFile(join(dir, 'alone.md'), 'utf8')).toContain('Each run is a group of its own');

    const bad = await journal('export', a, '--group', `x=${b},${b}`, '--group', `y=${b}`, '--format', 'md', '--out', join(dir, 'bad.md'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/is in two groups/);
  });
});

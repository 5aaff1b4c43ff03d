// `loadlab bench --save` and `loadlab journal …` as a person uses them, against a temp journal.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

const seedPath = new URL('../journal/import/testdata/seed-000_cba8d662fb279400.txt', import.meta.url).pathname;

let server: http.Server;
let url = '';
let dir = '';
let journalDir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-cli-journal-'));
  journalDir = join(dir, 'journal');
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

const journal = (...args: string[]) => runLoadlab(['journal', ...args, '--journal', journalDir]);

async function listJson(): Promise<{ runs: { id: string; title: string; tags: string[]; sourceTool: string | null; p99Us: number | null }[]; problems: unknown[] }> {
  const result = await journal('list', '--json');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Awaited<ReturnType<typeof listJson>>;
}

describe('loadlab journal', () => {
  it('says what to do when the journal is empty', async () => {
    const result = await journal('list');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/journal is empty.*--save.*journal import/s);
  });

  it('refuses --title without --save before running', async () => {
    const result = await runLoadlab(['bench', '-d', '1s', '--title', 'x', url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--title only apply with --save');
  });

  it('saves a bench run with title, notes and tags, and shows it', async () => {
    const saved = await runLoadlab(['bench', '-t1', '-c2', '-d1s', '-R100', '--save', '--title', 'hello at 100/s', '--notes', 'first *try*', '--tag', 'smoke', '--tag', 'loopback', '--journal', journalDir, url]);
    expect(saved.status).toBe(0);
    expect(saved.stderr).toMatch(/saved run \S+ in the journal at /);
    const { runs } = await listJson();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ title: 'hello at 100/s', tags: ['smoke', 'loopback'], sourceTool: null });
    const id = runs[0]?.id ?? '';
    const table = await journal('list');
    expect(table.stdout).toMatch(/^ID\s+DATE\s+MODE\s+REQ\/S\s+DONE\s+P50\s+P99\s+ERRORS\s+SOURCE\s+TITLE$/m);
    expect(table.stdout).toContain('hello at 100/s');
    const shown = await journal('show', id);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('# hello at 100/s');
    expect(shown.stdout).toContain(`Running 1s test @ ${url}`);
    expect(shown.stdout).toContain('Detailed Percentile spectrum');
    expect(shown.stdout).toContain('first *try*');
  });

  it('moves a run to the trash and restores it', async () => {
    const id = (await listJson()).runs[0]?.id ?? '';
    expect((await journal('rm', id)).stderr).toContain(`loadlab journal restore ${id}`);
    expect((await listJson()).runs).toHaveLength(0);
    expect((await journal('list', '--trash')).stdout).toContain(id);
    expect((await journal('restore', id)).status).toBe(0);
    expect((await listJson()).runs.map((run) => run.id)).toEqual([id]);
    const missing = await journal('show', 'no-such-run');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no run no-such-run in the journal');
  });

  it('imports the seed journal once, names what it cannot read, and reports damaged files', async () => {
    const garbage = join(dir, 'garbage.txt');
    await writeFile(garbage, 'this is not a benchmark report\n');
    const first = await journal('import', seedPath, garbage);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/garbage\.txt/);
    const added = first.stdout.split('\n').filter((line) => line.startsWith('added'));
    expect(added.length).toBeGreaterThan(0);
    const again = await journal('import', seedPath);
    expect(again.status).toBe(0);
    expect(again.stdout.split('\n').filter((line) => line.startsWith('existing'))).toHaveLength(added.length);
    const { runs } = await listJson();
    expect(runs.filter((run) => run.sourceTool !== null)).toHaveLength(added.length);
    await writeFile(join(journalDir, 'runs', 'broken.json'), '{"schema": "loadlab.run/1"');
    const listed = await journal('list');
    expect(listed.status).toBe(0);
    expect(listed.stderr).toContain('skipped broken.json: not JSON');
    await rm(join(journalDir, 'runs', 'broken.json'));
  });

  it('compares runs and groups of repeated runs in the terminal', async () => {
    const { runs } = await listJson();
    const [measured, ...imported] = [runs.find((run) => run.sourceTool === null)?.id ?? '', ...runs.filter((run) => run.sourceTool === 'wrk2').map((run) => run.id)];
    const pair = await journal('compare', measured, imported[0] ?? '');
    expect(pair.status).toBe(0);
    expect(pair.stdout).toMatch(new RegExp(`^metric\\s+${measured}\\s+${imported[0] ?? ''}$`, 'm'));
    expect(pair.stdout).toContain(`Against ${measured}`);
    expect(pair.stdout).toMatch(/p99 unknown in /);
    const groups = await journal('compare', '--group', `seedA=${imported[0] ?? ''},${imported[1] ?? ''}`, '--group', `seedB=${imported[2] ?? ''},${imported[3] ?? ''}`);
    expect(groups.status).toBe(0);
    expect(groups.stdout).toMatch(/req\/s .*\(2\/2 runs\)/);
    expect(groups.stdout).toMatch(/seedB: req\/s .*(too few runs for a verdict|no difference detectable|95 % interval)/);
    const alone = await journal('compare', measured);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('compare needs at least two runs or groups');
    const badGroup = await journal('compare', '--group', 'no-equals-sign', measured);
    expect(badGroup.status).toBe(2);
    expect(badGroup.stderr).toContain('--group expects "label=id,id,…"');
  });

  it('exports every format', async () => {
    const { runs } = await listJson();
    const measured = runs.find((run) => run.sourceTool === null)?.id ?? '';
    const out = join(dir, 'out');
    const md = await journal('export', measured, '--format', 'md', '--out', join(out, 'report.md'));
    expect(md.status).toBe(0);
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('hello at 100/s');
    for (const link of markdown.matchAll(/\]\(([^)]+\.svg)\)/g)) expect((await readdir(out)).includes(link[1] ?? '')).toBe(true);
    expect((await journal('export', '--all', '--format', 'html', '--out', join(out, 'all.html'))).status).toBe(0);
    expect(await readFile(join(out, 'all.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect((await journal('export', '--all', '--format', 'json', '--out', join(out, 'all.json'))).status).toBe(0);
    const records = JSON.parse(await readFile(join(out, 'all.json'), 'utf8')) as unknown[];
    expect(records.map((record) => runRecordSchema.parse(record).id).sort()).toEqual(runs.map((run) => run.id).sort());
    expect((await journal('export', '--all', '--format', 'csv', '--out', join(out, 'runs.csv'))).status).toBe(0);
    expect((await readFile(join(out, 'runs.csv'), 'utf8')).trim().split('\n')).toHaveLength(runs.length + 1);
    expect((await journal('export', measured, '--format', 'hlog', '--out', join(out, 'run.hlog'))).status).toBe(0);
    expect(await readFile(join(out, 'run.hlog'), 'utf8')).toMatch(/^#\[/m);
    const neither = await journal('export', '--format', 'json', '--out', join(out, 'x.json'));
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('give run ids or --all');
  });
});

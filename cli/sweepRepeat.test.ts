// `loadlab sweep --repeat N` end to end against a loopback server: the repeats, their knees side by
// side, the summary line, what is saved, bad N, and Ctrl-C between repeats.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab, type CliResult } from '../peers/loadlabCli.ts';

let server: http.Server;
let url = '';
let dir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-sweep-repeat-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

// Few, low rates and short steps: the test is about the repeats, not the knee, so its assertions
// hold whatever knee a loaded machine yields (a row per repeat, the counts, the saved entries).
const SHORT = ['-t1', '-c4', '--rates', '20,40', '--step-duration', '500ms'];

describe('loadlab sweep --repeat', () => {
  it.each([['1'], ['21'], ['0']])('refuses --repeat %s with exit status 2 before any load', async (n) => {
    const result = await runLoadlab(['sweep', ...SHORT, '--repeat', n, url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--repeat takes 2 to 20 sweeps/);
    expect(result.stdout).toBe('');
  });

  it('runs the sweep twice, saves each, and prints the knees side by side with their median and range', async () => {
    const result = await runLoadlab(['sweep', ...SHORT, '--repeat', '2', '--save', '--journal', dir, '--tag', 'mine', url]);
    expect(result.stderr).toMatch(/repeat 1 of 2\n.*step 1\/2 {2}20 req\/s/);
    expect(result.stderr).toMatch(/repeat 2 of 2\n.*step 1\/2 {2}20 req\/s/);
    expect(result.stdout).toMatch(/^sweep +knee \(req\/s\) +p99 at knee +highest \(req\/s\) +steps +id$/m);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('repeat '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^repeat 1 /);
    expect(rows[1]).toMatch(/^repeat 2 /);
    expect(result.stdout).toContain(`${url}: 2 of 2 sweeps; `);
    expect(result.stdout).toMatch(/; highest median [\d,.]+ req\/s, range [\d,]+–[\d,]+\n/);
    expect(result.status).toBe(0);

    expect(await readdir(join(dir, 'runs'))).toHaveLength(4);
    const files = (await readdir(join(dir, 'experiments'))).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(2);
    const entries = await Promise.all(files.map(async (name) => JSON.parse(await readFile(join(dir, 'experiments', name), 'utf8')) as { title: string; tags: string[] }));
    const group = /tagged (sweep-repeat-\S+)/.exec(result.stderr)?.[1];
    expect(group).toBeDefined();
    expect(entries.map((entry) => entry.title).sort()).toEqual([`sweep ${url} (repeat 1 of 2)`, `sweep ${url} (repeat 2 of 2)`]);
    for (const entry of entries) expect(entry.tags).toEqual(expect.arrayContaining(['sweep', 'mine', group]));
    // The rows' ids are the saved sweeps', so journal sweeps --compare can show them again.
    for (const name of files) expect(result.stdout).toContain(name.replace(/\.json$/, ''));
  });

  it('on Ctrl-C between repeats keeps what finished and says how many of N ran', async () => {
    // 2 s steps: the signal, sent when repeat 2 starts, lands within its 4 s even on a loaded
    // machine; either branch of the ending (stopped in a step or before one) is right.
    const slow = ['-t1', '-c4', '--rates', '20,40', '--step-duration', '2s'];
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [new URL('../bin/loadlab.js', import.meta.url).pathname, 'sweep', ...slow, '--repeat', '3', url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let interrupted = false;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!interrupted && stderr.includes('repeat 2 of 3\n')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(result.stdout).toContain(`${url}: 1 of 3 sweeps; `);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('repeat '))).toHaveLength(1);
    expect(result.stdout).toMatch(/^(Repeat 2 stopped after \d steps?, left out|Stopped before repeat 2 measured a step)\.$/m);
    expect(result.status).toBe(0);
  });
});

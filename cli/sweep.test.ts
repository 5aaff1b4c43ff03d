// `loadlab sweep` end to end against a loopback server whose capacity is known.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';

let server: http.Server;
let url = '';
let dir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-sweep-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab sweep', () => {
  it.each([
    [[], /needs --from and --to/],
    [['--from', '100', '--to', '50'], /0 < from < to/],
    [['--rates', '100,50'], /rates must increase: 100 then 50/],
    [['--rates', '100,lots'], /"lots" is not a rate/],
    [['--rates', '100', '--from', '10'], /--rates or --from\/--to, not both/],
    [['--rates', '100', '--slo', 'p98=5ms'], /--slo: unknown SLO figure "p98"/],
    [['--rates', '100', '-t', '4', '-c', '2'], /connections \(2\) must be at least threads \(4\)/],
    [['--rates', '100', '--insecure'], /apply to https:\/\/ targets only/],
  ])('rejects %j with exit status 2 before any load', async (flags, message) => {
    const result = await runLoadlab(['sweep', ...flags, url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('runs every step, prints the table with the knee, and saves each step', async () => {
    const result = await runLoadlab(['sweep', '-t1', '-c4', '--rates', '20,40', '--step-duration', '1s', '--slo', 'p99=1s', '--save', '--journal', dir, url]);
    expect(result.stderr).toMatch(/step 1\/2 {2}20 req\/s/);
    expect(result.stderr).toMatch(/step 2\/2 {2}40 req\/s/);
    expect(result.stdout).toMatch(/^target +achieved +completion +p50 +p90 +p99 +p99\.9 +errors$/m);
    const rows = result.stdout.split('\n').filter((line) => /^ *\d+ +\d+ /.test(line));
    expect(rows).toHaveLength(2);
    expect(result.stdout).toMatch(/SLO p99=1s/);
    const saved = /saved sweep (\S+) with 2 of 2 steps/.exec(result.stderr);
    expect(saved).not.toBeNull();
    expect(await readdir(join(dir, 'runs'))).toHaveLength(2);
    expect(result.status).toBe(0);

    const listed = await runLoadlab(['journal', 'sweeps', '--journal', dir]);
    expect(listed.stdout).toContain(`${saved?.[1]}`);
    expect(listed.stdout).toMatch(/2 steps {2}sweep http/);
    const shown = await runLoadlab(['journal', 'sweeps', saved?.[1] ?? '', '--journal', dir]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^target +achieved +completion/m);
    expect(shown.stdout.split('\n').filter((line) => /^ *\d+ +\d+ /.test(line))).toHaveLength(2);
    const kneeLine = (text: string): string | undefined => text.split('\n').find((line) => /^(Knee|No knee)/.test(line));
    expect(kneeLine(shown.stdout)).toBe(kneeLine(result.stdout));
  });
});

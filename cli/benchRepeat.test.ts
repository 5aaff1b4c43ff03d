// `loadlab bench --repeat N URL URL`: alternated runs and a comparison of the targets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';

const servers: http.Server[] = [];
const urls: string[] = [];
const served = { a: 0, b: 0 };

beforeAll(async () => {
  for (const name of ['a', 'b'] as const) {
    const server = http.createServer((_req, res) => {
      served[name]++;
      res.end(name);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }
});

afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loadlab bench --repeat', () => {
  it('runs the targets alternately and compares them', async () => {
    const result = await runLoadlab(['bench', '-t1', '-c2', '-d500ms', '-R40', '--repeat', '2', ...urls]);
    const runLines = result.stderr.split('\n').filter((line) => line.startsWith('loadlab: run '));
    expect(runLines.map((line) => /run (\d)\/4 {2}([AB])/.exec(line)?.slice(1).join(''))).toEqual(['1A', '2B', '3A', '4B']);
    expect(result.stdout).toMatch(/^metric +A +B$/m);
    expect(result.stdout).toMatch(/^req\/s .*\(2\/2 runs\).*\(2\/2 runs\)$/m);
    expect(result.stdout).toMatch(/^Against A/m);
    expect(served.a).toBeGreaterThan(20);
    expect(served.b).toBeGreaterThan(20);
    expect(result.status).toBe(0);
  });

  it('gives the spread of one target repeated', async () => {
    const result = await runLoadlab(['bench', '-t1', '-c2', '-d300ms', '--repeat', '2', urls[0] ?? '']);
    expect(result.stdout).toMatch(/^A: 2 runs\n {2}req\/s {2}median [\d.]+ {2}range [\d.]+ – [\d.]+$/m);
    expect(result.status).toBe(0);
  });

  it.each([
    [['--json', 'x.json'], /--json writes one run/],
    [['--slo', 'p99=1s'], /--slo judges one run/],
    [['--repeat', '0'], /--repeat needs at least 1/],
  ])('refuses %j with several runs', async (flags, message) => {
    const result = await runLoadlab(['bench', '-d1s', '--repeat', '2', ...flags, urls[0] ?? '']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

// `loadlab httperf --shard I/N`: each shard opens its share of the connection schedule, and
// `journal merge` joins them into the whole (connection-rate mode end to end).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

let server: http.Server;
let port = 0;
let dir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-httperf-shard-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab httperf --shard', () => {
  it('two shards open 10 of 20 connections each; merged, they are the 20', async () => {
    const startAt = String(Date.now() + 4000);
    const files = [0, 1].map((index) => join(dir, `shard-${index}.json`));
    const runs = await Promise.all(
      files.map((file, index) =>
        runLoadlab(['httperf', '--server', '127.0.0.1', '--port', String(port), '--rate', '100', '--num-conns', '20', '--shard', `${index}/2`, '--start-at', startAt, '--json', file]),
      ),
    );
    runs.forEach((run) => expect(run.status, run.stderr).toBe(0));
    const shards = await Promise.all(files.map(async (file) => runRecordSchema.parse(JSON.parse(await readFile(file, 'utf8')))));
    expect(shards.map((record) => record.summary.connRate?.started)).toEqual([10, 10]);
    expect(shards.map((record) => record.load.connections)).toEqual([10, 10]);

    const merged = await runLoadlab(['journal', 'merge', ...files, '--json', join(dir, 'merged.json')]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/^Total: connections 20 requests 20 replies 20 /m);
    expect(merged.stdout).toMatch(/2 of 2 shards merged/);
    const record = runRecordSchema.parse(JSON.parse(await readFile(join(dir, 'merged.json'), 'utf8')));
    expect(record.summary.connRate).toMatchObject({ started: 20, completed: 20 });
    expect(record.summary.scheduled).toBe(20);
  });

  it('refuses shards of a random spacing, exit 2', async () => {
    const result = await runLoadlab(['httperf', '--server', '127.0.0.1', '--port', String(port), '--period', 'e0.01', '--num-conns', '20', '--shard', '0/2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/shards of a random connection spacing/);
  });
});

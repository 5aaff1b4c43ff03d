import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

const loadlab = runLoadlab;

let server: http.Server;
let url = '';
let dir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-cli-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab bench flags', () => {
  it.each([
    [['-t', '4', '-c', '2'], /connections \(2\) must be at least threads \(4\)/],
    [['-R', '0'], /-R must be greater than 0/],
    [['-c', 'many'], /-c expects a whole number/],
    [['-d', '10 parsecs'], /-d expects a duration/],
    [['-H', 'no colon here'], /-H expects "Name: value"/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--shard', '3/3'], /--shard: I is 0-based and must be below N \(0 to 2\), got 3/],
    [['--shard', 'two'], /--shard expects I\/N/],
    [['-t', '1', '-c', '2', '--shard', '0/3'], /3 shards need at least 3 connections \(-c\), got 2/],
    [['--start-at', '2020-01-01T00:00:00Z'], /--start-at 2020-01-01T00:00:00.000Z is \d+\.\d s in the past/],
    [['--start-at', 'soon'], /--start-at expects an ISO 8601 time/],
    [['-t', '2', '--workers', '3'], /worker threads \(3\) must be at most threads \(2\)/],
    [['--workers', '0'], /--workers needs at least 1/],
  ])('rejects %j with exit status 2', async (flags, message) => {
    const result = await loadlab(['bench', ...flags, url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['ftp://127.0.0.1/', /not an http or https URL/],
    ['not a url', /not a URL/],
  ])('rejects the URL %s with exit status 2', async (target, message) => {
    const result = await loadlab(['bench', '-d', '1s', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('prints help with the wrk flags', async () => {
    const result = await loadlab(['bench', '--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--threads', '--connections', '--duration', '--rate', '--header', '--latency', '--u_latency', '--timeout', '--json', '--no-keep-alive']) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('loadlab bench run', () => {
  it('prints the wrk2 report and writes a valid run record', async () => {
    const jsonPath = join(dir, 'run.json');
    const result = await loadlab(['bench', '-t', '1', '-c', '2', '-d', '1s', '-R', '200', '--latency', '-U', '--json', jsonPath, url]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Running 1s test @ ${url}`);
    expect(lines[1]).toBe('  1 threads and 2 connections');
    expect(result.stdout).toContain('Latency Distribution (HdrHistogram - Recorded Latency)');
    expect(result.stdout).toContain('Detailed Percentile spectrum:');
    expect(result.stdout).toContain('Uncorrected Latency (measured without taking delayed starts into account)');
    expect(result.stdout).toMatch(/^Requests\/sec: +\d+\.\d\d$/m);

    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    expect(record.load).toMatchObject({ mode: 'rate', threads: 1, connections: 2, durationMs: 1000, ratePerSec: 200 });
    expect(record.summary.requests + record.summary.inFlightAtEnd + record.summary.unsent).toBeGreaterThanOrEqual(195);
    expect(result.stdout).toContain(`  ${record.summary.requests} requests in `);
  });

  it('carries -t4 on the worker threads --workers asks for, and reports four threads', async () => {
    const jsonPath = join(dir, 'workers.json');
    const result = await loadlab(['bench', '-t', '4', '--workers', '2', '-c', '4', '-d', '1s', '-R', '200', '--json', jsonPath, url]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('  4 threads and 4 connections');
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    expect(record.load).toMatchObject({ threads: 4, workerThreads: 2, connections: 4 });
    expect(record.summary.requests + record.summary.inFlightAtEnd + record.summary.unsent).toBe(200);
  });

  it('runs its shard of the load and records how late it started after an instant already past', async () => {
    const jsonPath = join(dir, 'shard.json');
    // One second past (under the 5 s limit, which leaves 4 s for a loaded machine to start the
    // CLI): the shard starts when ready, at least 1000 ms late.
    const startAtMs = Date.now() - 1000;
    const result = await loadlab(['bench', '-t', '1', '-c', '4', '-d', '1s', '-R', '200', '--shard', '1/2', '--start-at', new Date(startAtMs).toISOString(), '--json', jsonPath, url]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('  1 threads and 2 connections');
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    expect(record.load).toMatchObject({ mode: 'rate', threads: 1, connections: 2, ratePerSec: 100 });
    expect(record.shard).toMatchObject({ index: 1, count: 2, startAtMs, whole: { connections: 4, ratePerSec: 200 } });
    expect(record.shard?.latenessMs).toBeGreaterThanOrEqual(1000);
    // The schedule's time zero is the instant plus the lateness: what a merge aligns on.
    expect(Date.parse(record.startedAt)).toBeCloseTo(startAtMs + (record.shard?.latenessMs ?? 0), -1);
    // Connections 2 and 3 of 4 at 200 req/s: 100 req/s, 100 requests in the second.
    expect(record.summary.scheduled).toBe(100);
  });
});

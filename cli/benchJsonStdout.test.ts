// `bench --json -`: the record on stdout as one line (what a pod of `loadlab kube job` prints for
// `kube collect`), the wrk2-style report on stderr.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('bench --json -', () => {
  it('writes the record to stdout as one line and the report to stderr', async () => {
    const result = await runLoadlab(['bench', '-t1', '-c1', '-d1s', '-R20', '--json', '-', url]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const record = measuredRunRecordSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(record.target.url).toBe(url);
    expect(result.stderr).toContain('Requests/sec');
    expect(result.stdout).not.toContain('Requests/sec');
  });
});

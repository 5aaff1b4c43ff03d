// `loadlab bench --slo`: the report says which threshold failed and by how much; exit status 3.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { EXIT_SLO_FAILED } from './sloFlag.ts';

let server: http.Server;
let url = '';

beforeAll(async () => {
  // Every response takes 30 ms: p99 is at least that.
  server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), 30));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loadlab bench --slo', () => {
  it('refuses a bad threshold before any load', async () => {
    const result = await runLoadlab(['bench', '-d', '1s', '--slo', 'p99=soon', url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--slo: p99 needs a duration/);
  });

  it('fails a run whose p99 crosses the threshold, saying by how much', async () => {
    const result = await runLoadlab(['bench', '-t1', '-c2', '-d1s', '-R20', '--slo', 'p99=5ms,errors=1%', url]);
    expect(result.stdout).toMatch(/^SLO failed:\n {2}p99 ≥?\d+(\.\d+)?ms > 5ms \(over by ≥?\d+(\.\d+)?ms, \d+ %\)$/m);
    expect(result.stdout).not.toMatch(/errors .* > 1%/);
    expect(result.status).toBe(EXIT_SLO_FAILED);
  });

  it('passes a run within its thresholds', async () => {
    const result = await runLoadlab(['bench', '-t1', '-c2', '-d1s', '--slo', 'p99=2s,errors=1%', url]);
    expect(result.stdout).toMatch(/^SLO passed$/m);
    expect(result.status).toBe(0);
  });
});

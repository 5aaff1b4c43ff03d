// `loadlab httperf` refuses a --server that carries a port or a path (exit 2) instead of
// loading whatever address the mixed-up URL happens to name.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';

let server: http.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loadlab httperf --server', () => {
  it('refuses a host with a port and a path, exit 2, and loads nothing', async () => {
    const result = await runLoadlab(['httperf', '--server', `127.0.0.1:${port}/x`, '--port', '1', '--rate', '10', '--num-conns', '2']);
    expect(result.stderr).toContain(`--server takes a host name or IP address only, got "127.0.0.1:${port}/x": give the port with --port, the path with --uri`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(connections).toBe(0);
  });
});

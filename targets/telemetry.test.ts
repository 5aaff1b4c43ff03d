// Process telemetry of real servers nobody here wrote (Debian's nginx with two workers) and of a
// test server that accepts slowly, so its kernel accept queue fills.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessGroupGuard } from './guard.ts';
import { launchServer } from './launch.ts';
import { ProcTreeSampler } from './processSampler.ts';
import { freePort, testServer } from './testing.ts';
import { hasProgram } from '../peers/programs.ts';

const linux = process.platform === 'linux';

/** Bounded load: `count` GETs over `connections` keep-alive connections. */
async function load(url: string, count: number, connections: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      http.get(url, { agent }, (response) => response.resume().on('end', resolve)).once('error', reject);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next++ < count) await one();
    }),
  );
  agent.destroy();
}

describe.runIf(linux)('process telemetry', () => {
  let dir: string;
  let guard: ProcessGroupGuard;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-telemetry-'));
    guard = new ProcessGroupGuard();
  });
  afterEach(async () => {
    await guard.stopAll();
    await rm(dir, { recursive: true, force: true });
  });

  it.runIf(hasProgram('nginx', 'nginx-light'))("nginx with two workers: the tree covers the workers' CPU, sockets and backlog", async () => {
    const port = await freePort();
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 2;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${port} backlog=64; location / { return 200 "hi\\n"; } }
}
`,
    );
    const server = await launchServer({ command: ['nginx', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], shell: false, cwd: dir, env: {}, ready: { kind: 'tcp', host: '127.0.0.1', port } }, guard);
    const sampler = new ProcTreeSampler(server.pid, { walkBudget: Infinity }); // every sample reads the states (the budget is the bench's concern)
    const start = Date.now();
    expect(await sampler.sample(start)).toBeNull();
    await load(`http://127.0.0.1:${port}/`, 4000, 4);
    const point = await sampler.sample(start);
    expect(point?.pids).toHaveLength(3);
    expect(point?.pids).toContain(server.pid);
    expect(point?.cpu.totalPct).toBeGreaterThan(0);
    expect(point?.cpu.userPct).not.toBeNull();
    expect(point?.threads).toBeGreaterThanOrEqual(3);
    expect(point?.openFds).toBeGreaterThan(3);
    expect(point?.rssBytes).toBeGreaterThan(0);
    expect(point?.contextSwitchesPerSec.voluntary).toBeGreaterThan(0);
    expect(point?.tcpByState?.LISTEN).toBeGreaterThanOrEqual(1);
    expect(point?.listeners).toContainEqual({ address: `127.0.0.1:${port}`, queued: 0, max: 64 });
    expect((await server.stop()).endedBy).toBe('SIGTERM');
  });

  it('a server that accepts slowly: its accept queue shows the waiting connections and the backlog', async () => {
    const port = await freePort();
    const server = await launchServer({ command: ['python3', testServer('slowAccept.py'), String(port), '8', '60'], shell: false, cwd: dir, env: {}, ready: { kind: 'log', pattern: 'listening', flags: '' } }, guard);
    const sampler = new ProcTreeSampler(server.pid, { walkBudget: Infinity }); // every sample reads the states (the budget is the bench's concern)
    await sampler.sample(Date.now());
    const clients = await Promise.all(
      Array.from({ length: 5 }, () => new Promise<net.Socket>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      })),
    );
    try {
      const point = await sampler.sample(Date.now());
      expect(point?.listeners).toEqual([{ address: `127.0.0.1:${port}`, queued: 5, max: 8 }]);
    } finally {
      for (const client of clients) client.destroy();
      await server.stop();
    }
  });

  it('gives null once the process is gone', async () => {
    const port = await freePort();
    const server = await launchServer({ command: ['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1'], shell: false, cwd: dir, env: {}, ready: { kind: 'tcp', host: '127.0.0.1', port } }, guard);
    const sampler = new ProcTreeSampler(server.pid, { walkBudget: Infinity }); // every sample reads the states (the budget is the bench's concern)
    await sampler.sample(0);
    await server.stop();
    expect(await sampler.sample(0)).toBeNull();
  });
});

// Starts Debian's nginx on 127.0.0.1 with a throwaway config, for peer tests and benchmarks.
// The caller stops it; nothing is left listening.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProgram } from './programs.ts';

export interface NginxServer {
  port: number;
  pid: number;
  url: string;
  /** The access log's lines so far (empty without the `accessLog` option). */
  accessLog(): Promise<string[]>;
  /** Sends SIGSTOP / SIGCONT to the worker(s): the server freezes without closing sockets. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export interface NginxOptions {
  workers?: number;
  /** CPU list for taskset, e.g. "0". */
  cpu?: string;
  /** listen(2) backlog (nginx's `listen … backlog=N`); nginx's default is 511 on Linux. */
  backlog?: number;
  /** Serve https with this certificate and key (PEM); the URL is then https://127.0.0.1:PORT/. */
  tls?: { certPem: string; keyPem: string };
  /** Log every request in this nginx log_format (e.g. "$ssl_session_reused"); off by default (it costs a write per request). */
  accessLog?: string;
}

/** A port that was free a moment ago (nginx cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

function childPids(pid: number): number[] {
  const result = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((value) => Number.isInteger(value) && value > 0);
}

export async function startNginx(options: NginxOptions = {}): Promise<NginxServer> {
  const nginx = findProgram('nginx', 'nginx-light');
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-nginx-'));
  const port = await freePort();
  if (options.tls) {
    await writeFile(join(dir, 'cert.pem'), options.tls.certPem);
    await writeFile(join(dir, 'key.pem'), options.tls.keyPem, { mode: 0o600 });
  }
  const ssl = options.tls ? ` ssl;\n    ssl_certificate ${dir}/cert.pem;\n    ssl_certificate_key ${dir}/key.pem;\n    ssl_session_cache shared:loadlab:1m` : '';
  const config = `
worker_processes ${options.workers ?? 1};
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  ${options.accessLog === undefined ? 'access_log off;' : `log_format loadlab '${options.accessLog}';\n  access_log ${dir}/access.log loadlab;`}
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port} reuseport${options.backlog === undefined ? '' : ` backlog=${options.backlog}`}${ssl};
    location / { default_type text/plain; return 200 "hello from nginx\\n"; }
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const child: ChildProcess = options.cpu ? spawn('taskset', ['-c', options.cpu, nginx, ...args], { stdio: 'ignore' }) : spawn(nginx, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, 5000);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const masterPid = child.pid ?? 0;
  const signalWorkers = (signal: NodeJS.Signals): void => {
    for (const pid of childPids(masterPid)) process.kill(pid, signal);
  };
  return {
    port,
    pid: masterPid,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    accessLog: async () => {
      if (options.accessLog === undefined) return [];
      const text = await readFile(join(dir, 'access.log'), 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line !== '');
    },
    pause: () => signalWorkers('SIGSTOP'),
    resume: () => signalWorkers('SIGCONT'),
    async stop() {
      signalWorkers('SIGCONT');
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

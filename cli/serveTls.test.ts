// `loadlab serve --tls`: with --cert/--key (a certificate from a private CA the test makes) and
// with the self-signed localhost certificate kept in the user data folder (XDG_CONFIG_HOME here);
// the usage errors of the TLS flags; the telemetry line's TLS part.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { createTestPki, type TestPki } from '../bench-runner/test/tlsServers.ts';
import { telemetryLine } from './serve.ts';

const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;

interface Serving {
  stop(): Promise<{ status: number | null; stdout: string; stderr: string }>;
  stdout(): string;
  exited: Promise<{ status: number | null; stdout: string; stderr: string }>;
}

function serve(args: string[], env: NodeJS.ProcessEnv = {}): Serving {
  const child = spawn(process.execPath, [bin, 'serve', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return {
    stdout: () => stdout,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls stdout (the build of out/ may come first on a fresh checkout: 30 s). */
async function listening(run: Serving): Promise<{ port: number; stdout: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = /^Listening on https:\/\/127\.0\.0\.1:(\d+)\//m.exec(run.stdout());
    if (match && /^TLS: .*$/m.test(run.stdout())) return { port: Number(match[1]), stdout: run.stdout() };
    if (Date.now() > deadline) throw new Error(`not listening: ${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function httpsGet(port: number, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', servername: 'localhost', port, path: '/', ca, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

let pki: TestPki;
let dir = '';
let certFile = '';
let keyFile = '';

beforeAll(async () => {
  pki = await createTestPki();
  dir = await mkdtemp(join(tmpdir(), 'loadlab-serve-tls-'));
  certFile = join(dir, 'cert.pem');
  keyFile = join(dir, 'key.pem');
  await writeFile(certFile, pki.good.certPem);
  await writeFile(keyFile, pki.good.keyPem, { mode: 0o600 });
});

afterAll(async () => {
  pki.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab serve --tls', () => {
  it('--cert/--key: serves https with that certificate (verified against its CA), says which', async () => {
    const run = serve(['--tls', '--cert', certFile, '--key', keyFile, '--port', '0']);
    try {
      const { port, stdout } = await listening(run);
      expect(stdout).toMatch(new RegExp(`^TLS: certificate ${certFile.replaceAll('/', '\\/')}$`, 'm'));
      expect(await httpsGet(port, pki.ca.certPem)).toBe(200);
    } finally {
      expect((await run.stop()).status).toBe(0);
    }
  });

  it('without --cert/--key: a self-signed certificate made once in the user data folder, kept for the next start', async () => {
    const env = { XDG_CONFIG_HOME: join(dir, 'config') };
    const first = serve(['--tls', '--port', '0'], env);
    let kept = '';
    try {
      const { port, stdout } = await listening(first);
      const match = /^TLS: self-signed certificate (\S+) \(new\); clients trust it with --ca \1$/m.exec(stdout);
      expect(match).not.toBeNull();
      kept = match?.[1] ?? '';
      expect(kept.startsWith(join(dir, 'config'))).toBe(true);
      const certPem = await readFile(kept, 'utf8');
      expect(await httpsGet(port, certPem)).toBe(200);
      // For localhost, 127.0.0.1 and ::1, as the issue asks.
      expect(new X509Certificate(certPem).subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:127.0.0.1']);
    } finally {
      await first.stop();
    }
    const second = serve(['--tls', '--port', '0'], env);
    try {
      const { stdout } = await listening(second);
      expect(stdout).toContain(`TLS: self-signed certificate ${kept}; clients trust it with --ca ${kept}`);
    } finally {
      await second.stop();
    }
  });

  it.each([
    [['--cert', 'C'], /--cert and --key need --tls/],
    [['--tls', '--cert', 'C'], /give --cert and --key together/],
    [['--tls', '--cert', '/nonexistent/cert.pem', '--key', '/nonexistent/key.pem'], /cannot read the certificate file \/nonexistent\/cert\.pem: ENOENT/],
  ])('rejects %j with exit status 2', async (flags, message) => {
    const exit = await serve([...flags, '--port', '0']).exited;
    expect(exit.status).toBe(2);
    expect(exit.stderr).toMatch(message);
  });

  it('rejects swapped files, and a key that does not belong to the certificate (before any thread starts)', async () => {
    const swapped = await serve(['--tls', '--cert', keyFile, '--key', certFile, '--port', '0']).exited;
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toMatch(/holds no PEM certificate/);
    const otherKeyFile = join(dir, 'other-key.pem');
    await writeFile(otherKeyFile, pki.otherHost.keyPem, { mode: 0o600 });
    const mismatched = await serve(['--tls', '--cert', certFile, '--key', otherKeyFile, '--port', '0']).exited;
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toContain(`the key in ${otherKeyFile} does not belong to the certificate in ${certFile}`);
  });
});

describe('telemetryLine over TLS', () => {
  const sample: ServerTelemetrySample = {
    seq: 3,
    model: 'event-loop',
    tMs: 3000,
    epochMs: 1_700_000_003_000,
    intervalMs: 1000,
    connections: { open: 2, accepted: 2, acceptedTotal: 2, waiting: 0 },
    requests: { served: 10, servedTotal: 10, inFlight: 0, rejected: 0, statusCounts: { 200: 10 } },
    queues: { depth: 0, depths: [] },
    queueWaitUs: null,
    serviceUs: null,
    histograms: { queueWaitUs: '', serviceUs: '' },
    handlers: { threads: 0, busy: 0, busyPeak: 0, threadsStarted: 0, threadsStartedTotal: 0, deaths: 0, deathsTotal: 0 },
    eventLoopDelayUs: { p50: 20, p99: 100, max: 300 },
    process: { cpuPct: 10, rssBytes: 50 * 1024 * 1024 },
  };

  it('counts handshakes with their p99, and failed ones only when there are some', () => {
    const handshakeUs = { count: 2, mean: 1500, p50: 1400, p90: 1900, p99: 2000, max: 2000 };
    expect(telemetryLine({ ...sample, tls: { handshakes: 2, failures: 0, handshakeUs } })).toContain('busy 0  tls 2 hs p99 2.00ms  loop');
    expect(telemetryLine({ ...sample, tls: { handshakes: 2, failures: 1, handshakeUs } })).toContain('tls 2 hs p99 2.00ms 1 failed  loop');
    expect(telemetryLine(sample)).not.toContain('tls');
  });
});

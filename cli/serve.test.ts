import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { telemetryLine } from './serve.ts';

const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;

interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
}

function serve(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => Exit; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = (): Exit => ({ status: child.exitCode, stdout, stderr });
  const exited = new Promise<Exit>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, output, exited };
}

async function waitForOutput(output: () => Exit, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(output().stdout);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in stdout: ${output().stdout} / stderr: ${output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function get(port: number, path: string): Promise<{ status: number; body: string; serverTiming: boolean }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, serverTiming: res.headers['server-timing'] !== undefined }));
      })
      .on('error', reject);
  });
}

describe('loadlab serve', () => {
  it('prints the address, serves, and stops gracefully on SIGINT with status 0', async () => {
    const run = serve(['--model', 'pool-shared', '--workers', '2', '--port', '0']);
    const match = await waitForOutput(run.output, /^Listening on http:\/\/127\.0\.0\.1:(\d+)\/ \(model pool-shared, 2 workers, keep-alive on\); Ctrl-C stops it$/m);
    const port = Number(match[1]);
    expect(await get(port, '/bytes?n=4')).toEqual({ status: 200, body: 'xxxx', serverTiming: true });
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(exit.status).toBe(0);
    expect(exit.stdout).toMatch(/^stopped: 1 response in all; of 0 in flight, 0 answered while stopping, 0 cut off$/m);
    expect(exit.stderr).toMatch(/stopping; requests in flight get 5 s/);
  });

  it('without keep-alive and Server-Timing when asked', async () => {
    const run = serve(['--no-keep-alive', '--no-server-timing', '--port', '0', '--quiet']);
    const match = await waitForOutput(run.output, /^Listening on http:\/\/127\.0\.0\.1:(\d+)\/ \(model event-loop, keep-alive off\)/m);
    expect(await get(Number(match[1]), '/')).toEqual({ status: 200, body: 'hello\n', serverTiming: false });
    run.child.kill('SIGTERM');
    expect((await run.exited).status).toBe(0);
  });

  it('closes silently and takes the per-connection limits when asked', async () => {
    const run = serve(['--close-silently', '--max-pipelined', '4', '--max-unsent-bytes', '64k', '--port', '0', '--quiet']);
    const match = await waitForOutput(run.output, /^Listening on http:\/\/127\.0\.0\.1:(\d+)\/ \(model event-loop, closes silently after every response\)/m);
    expect((await get(Number(match[1]), '/')).status).toBe(200);
    run.child.kill('SIGTERM');
    expect((await run.exited).status).toBe(0);
  });

  it('says so and exits 1 when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    try {
      const exit = await serve(['--port', String(address.port)]).exited;
      expect(exit.status).toBe(1);
      expect(exit.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${address.port}: EADDRINUSE \\(the port is in use\\)`));
    } finally {
      taken.close();
    }
  });

  it.each([
    [['--model', 'forking'], /argument 'forking' is invalid\. Allowed choices are single, thread-per-request, pool-shared, pool-per-worker, event-loop/],
    [['--workers', '0'], /--workers: Too small: expected number to be >=1/],
    [['--workers', 'many'], /--workers expects a whole number/],
    [['--port', '70000'], /--port expects a port number from 0 to 65535, got "70000"/],
    [['--port', '80a'], /--port expects a port number/],
    [['--host', 'a b'], /--host: host must be a host name or an IP address/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--max-pipelined', '0'], /max-pipelined|maxPipelinedResponses/],
  ])('rejects %j with exit status 2', async (flags, message) => {
    const exit = await serve(flags).exited;
    expect(exit.status).toBe(2);
    expect(exit.stderr).toMatch(message);
    expect(exit.stdout).toBe('');
  });
});

describe('telemetryLine', () => {
  const sample: ServerTelemetrySample = {
    seq: 11,
    model: 'pool-per-worker',
    tMs: 12_000,
    epochMs: 1_700_000_012_000,
    intervalMs: 1000,
    connections: { open: 400, accepted: 0, acceptedTotal: 400, waiting: 0 },
    requests: { served: 1234, servedTotal: 5000, inFlight: 4, rejected: 2, statusCounts: { 200: 1232, 400: 2 } },
    queues: { depth: 30, depths: [8, 7, 8, 7] },
    queueWaitUs: { count: 1234, mean: 900, p50: 800, p90: 1100, p99: 1200, max: 2000 },
    serviceUs: { count: 1234, mean: 200_000, p50: 200_100, p90: 200_200, p99: 200_310, max: 201_000 },
    histograms: { queueWaitUs: '', serviceUs: '' },
    handlers: { threads: 4, busy: 4, busyPeak: 4, threadsStarted: 1, threadsStartedTotal: 5, deaths: 1, deathsTotal: 1 },
    eventLoopDelayUs: { p50: 20, p99: 100, max: 300 },
    process: { cpuPct: 180.4, rssBytes: 85 * 1024 * 1024 },
  };

  it('says what each part of the server is doing', () => {
    expect(telemetryLine(sample)).toBe(
      '12.0s  conns 400  req/s 1234  in flight 4  queue 30 [8 7 8 7]  wait p99 1.20ms  service p99 200.31ms  busy 4/4  threads +1  died 1  rejected 2  loop p99 100.00us  cpu 180%  rss 85.00MB',
    );
  });

  it('shows thread start time and abandoned jobs when there are some', () => {
    const busy: ServerTelemetrySample = {
      ...sample,
      model: 'thread-per-request',
      requests: { ...sample.requests, abandoned: 3, abandonedTotal: 3 },
      queues: { depth: 0, depths: [0] },
      handlers: {
        ...sample.handlers,
        threadsStarted: 40,
        threadsStartedPerSec: 40,
        threadStartUs: { count: 40, mean: 30_000, p50: 28_000, p90: 40_000, p99: 52_000, max: 60_000 },
        deaths: 0,
      },
    };
    expect(telemetryLine(busy)).toContain('busy 4/4  threads +40  thread start p50 28.00ms p99 52.00ms (40/s)  rejected 2  abandoned 3  loop');
  });

  it('leaves out what does not apply', () => {
    const idle: ServerTelemetrySample = {
      ...sample,
      model: 'event-loop',
      requests: { ...sample.requests, served: 0, rejected: 0 },
      queues: { depth: 0, depths: [] },
      queueWaitUs: null,
      serviceUs: null,
      handlers: { threads: 0, busy: 0, busyPeak: 0, threadsStarted: 0, threadsStartedTotal: 0, deaths: 0, deathsTotal: 0 },
    };
    expect(telemetryLine(idle)).toBe('12.0s  conns 400  req/s 0  in flight 4  queue 0  wait p99 -  service p99 -  busy 0  loop p99 100.00us  cpu 180%  rss 85.00MB');
  });
});

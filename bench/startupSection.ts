// `--only startup`: how long Loadlab takes to start, against bare Node measured in the same run.
// - `loadlab --help` against `node -e 0`: wall time from spawn to exit, the two alternated, medians
//   (target: at most 2× bare Node).
// - `loadlab bench -t12` (and -t1) from spawn to the first request's arrival at a server of this
//   process on 127.0.0.1 (target: 300 ms), alternated, medians; and the CPU the process (all its
//   threads) had spent by then, from /proc (Linux), which the machine's load does not inflate as it
//   does the wall time: on two idle cores the wall time cannot be less than half of it.
// - Node's floor for that: a process that starts 12 empty worker threads (CommonJS, each posts
//   "ready") and exits once all are ready, wall and CPU, alternated with the runs above.
// - A handler thread's start (thread-per-request starts one per request): from `new Worker` on the
//   built entry to its "ready" message, in this process, beside an empty thread (Node's own
//   floor); and the same cost as seen by a client:
//   median latency of one request after another on a keep-alive connection, thread-per-request
//   against single (no threads), both `loadlab serve` processes pinned to the same CPU.
// Nothing is built during the measurements: out/ is brought up to date first. Generators and
// servers are not pinned except where said; the machine's load average is printed with the table.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ensureBuilt, packageRoot } from '../bin/build.js';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { builtinServer, withServerProcess } from './serverProcess.ts';
import { fixed, median } from './stats.ts';

const bin = join(packageRoot, 'bin', 'loadlab.js');
const GNU_TIME = '/usr/bin/time';
const TIMEOUT_MS = 30_000;
/** The server's CPU for the handler-thread comparison (the client runs unpinned). */
const SERVER_CPU = String(Math.max(0, cpus().length - 1));

interface Timed {
  wallMs: number;
  /** user + sys of the command, from /usr/bin/time; null without it. */
  cpuMs: number | null;
}

/** Runs `node ARGS` to its exit; wall time from spawn to exit. */
function timeNode(args: readonly string[]): Promise<Timed> {
  const timed = existsSync(GNU_TIME);
  const [program, allArgs] = timed ? [GNU_TIME, ['-f', '%U %S', process.execPath, ...args]] : [process.execPath, [...args]];
  return new Promise((resolve, reject) => {
    const startMs = performance.now();
    const child = spawn(program, allArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - startMs;
      clearTimeout(timer);
      if (status !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${status}: ${stderr}`));
      const cpu = timed ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr) : null;
      resolve({ wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null });
    });
  });
}

/** A tiny HTTP/1.1 server on 127.0.0.1 that notes when the first request's bytes arrive. */
async function firstRequestServer(): Promise<{ port: number; firstRequestMs(): number | null; onFirst(callback: () => void): void; reset(): void; close(): Promise<void> }> {
  let firstMs: number | null = null;
  let onFirst: (() => void) | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      if (firstMs === null) {
        firstMs = performance.now();
        onFirst?.();
        onFirst = null;
      }
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        pending = pending.slice(end + 4);
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    firstRequestMs: () => firstMs,
    onFirst: (callback) => {
      onFirst = callback;
    },
    reset: () => {
      firstMs = null;
      onFirst = null;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * CPU time (ms) process `pid` has spent so far, all its threads (those alive: every load thread is,
 * once a request is out), from /proc/PID/task/TID/schedstat (ns); null where there is no /proc.
 */
function processCpuSoFarMs(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

/** The node process of a spawn: the child itself, or the one child of /usr/bin/time. */
function nodePidOf(childPid: number, throughTime: boolean): number | null {
  if (!throughTime) return childPid;
  try {
    const pid = Number(readFileSync(`/proc/${childPid}/task/${childPid}/children`, 'utf8').trim().split(' ')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Spawn of `loadlab bench -tN` to the first request's arrival, ms; the CPU spent by then; and the whole run's CPU. */
/** `workers`: `--workers` (null: the default, one per core at most -t). */
async function timeToFirstRequest(threads: number, workers: number | null, target: Awaited<ReturnType<typeof firstRequestServer>>): Promise<{ firstMs: number; cpuToFirstMs: number | null; cpuMs: number | null }> {
  target.reset();
  const args = [bin, 'bench', `-t${threads}`, ...(workers === null ? [] : ['--workers', String(workers)]), `-c${threads}`, '-d1s', '-R100', `http://127.0.0.1:${target.port}/`];
  const timed = existsSync(GNU_TIME);
  const [program, allArgs] = timed ? [GNU_TIME, ['-f', '%U %S', process.execPath, ...args]] : [process.execPath, args];
  const startMs = performance.now();
  let cpuToFirstMs: number | null = null;
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(program, allArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    target.onFirst(() => {
      const pid = child.pid === undefined ? null : nodePidOf(child.pid, timed);
      cpuToFirstMs = pid === null ? null : processCpuSoFarMs(pid);
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      if (status === 0) resolve(output);
      else reject(new Error(`loadlab bench -t${threads} exited with ${status}: ${output}`));
    });
  });
  const firstMs = target.firstRequestMs();
  if (firstMs === null) throw new Error(`loadlab bench -t${threads} sent nothing`);
  const cpu = timed ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr) : null;
  return { firstMs: firstMs - startMs, cpuToFirstMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}

/** Node's own floor: a thread whose whole code posts "ready". */
const EMPTY_THREAD = "require('node:worker_threads').parentPort.postMessage({ type: 'ready' });";

/** A process that starts 12 empty threads at once and exits when all are ready: Node's floor for `bench -t12`. */
const TWELVE_EMPTY_THREADS = [
  "const { Worker } = require('node:worker_threads');",
  'let ready = 0;',
  'for (let i = 0; i < 12; i++) {',
  `  const worker = new Worker(${JSON.stringify(EMPTY_THREAD)}, { eval: true });`,
  "  worker.on('message', () => { if (++ready === 12) process.exit(0); });",
  '}',
].join('\n');

/** `new Worker` to its "ready" message, ms: the built handler thread, or an empty one. */
async function threadStartMs(kind: 'handler' | 'empty'): Promise<number> {
  const startMs = performance.now();
  // No execArgv: this benchmark runs under tsx, whose loader a thread would otherwise inherit.
  const worker = kind === 'handler' ? new Worker(join(packageRoot, 'out', 'main', 'handlerThread.js'), { execArgv: [] }) : new Worker(EMPTY_THREAD, { eval: true, execArgv: [] });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: { type?: string }) => {
        if (message.type === 'ready') resolve();
      });
    });
    return performance.now() - startMs;
  } finally {
    await worker.terminate();
  }
}

/** Median latency (ms) of `count` requests one after another on one keep-alive connection. */
async function sequentialLatencyMs(url: string, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const startMs = performance.now();
      await new Promise<void>((resolve, reject) => {
        http
          .get(url, { agent, timeout: 5000 }, (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          })
          .on('error', reject)
          .on('timeout', () => reject(new Error(`no answer from ${url} within 5 s`)));
      });
      latencies.push(performance.now() - startMs);
    }
  } finally {
    agent.destroy();
  }
  return median(latencies);
}

const ms = (value: number): string => `${fixed(value, 0)} ms`;
const ms1 = (value: number): string => `${fixed(value, 1)} ms`;

export async function startupSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  ensureBuilt(['node'], log);
  const loadBefore = loadavg();
  const pairs = Math.max(10, options.rounds * 4);

  log(`startup: node -e 0 and loadlab --help, ${pairs} pairs alternated`);
  const bare: Timed[] = [];
  const help: Timed[] = [];
  for (let i = 0; i < pairs; i++) {
    bare.push(await timeNode(['-e', '0']));
    help.push(await timeNode([bin, '--help']));
  }
  const bareMs = median(bare.map((t) => t.wallMs));
  const helpMs = median(help.map((t) => t.wallMs));
  const cpuMedian = (runs: Timed[]): number => median(runs.map((t) => t.cpuMs ?? Number.NaN));

  const target = await firstRequestServer();
  // Keyed by the flags: -t1, -t12 (the default: a worker thread per core) and -t12 --workers 12 (one each, as before).
  const variants = [
    { key: 't1', threads: 1, workers: null },
    { key: 't12', threads: 12, workers: null },
    { key: 't12w12', threads: 12, workers: 12 },
  ] as const;
  const firstBy: Record<string, { firstMs: number; cpuToFirstMs: number | null; cpuMs: number | null }[]> = { t1: [], t12: [], t12w12: [] };
  const emptyTwelve: Timed[] = [];
  const benchRounds = Math.max(5, options.rounds * 2);
  try {
    log(`startup: bench -t1, -t12 and -t12 --workers 12 to the first request, ${benchRounds} rounds alternated`);
    for (let i = 0; i < benchRounds; i++) {
      for (const variant of variants) firstBy[variant.key]?.push(await timeToFirstRequest(variant.threads, variant.workers, target));
      emptyTwelve.push(await timeNode(['-e', TWELVE_EMPTY_THREADS]));
    }
  } finally {
    await target.close();
  }
  const firstMs = (key: string): number => median((firstBy[key] ?? []).map((run) => run.firstMs));
  const runCpuMs = (key: string): number => median((firstBy[key] ?? []).map((run) => run.cpuMs ?? Number.NaN));
  const cpuToFirstMs = (key: string): number => median((firstBy[key] ?? []).map((run) => run.cpuToFirstMs ?? Number.NaN));
  const workers12 = Math.min(12, cpus().length);

  log('startup: handler thread start');
  const handlerStarts: number[] = [];
  const emptyStarts: number[] = [];
  for (let i = 0; i < Math.max(20, options.rounds * 4); i++) {
    handlerStarts.push(await threadStartMs('handler'));
    emptyStarts.push(await threadStartMs('empty'));
  }
  const requests = 100;
  const latencyBy: Record<string, number> = {};
  for (const model of ['single', 'thread-per-request']) {
    log(`startup: ${requests} requests one after another, ${model}`);
    latencyBy[model] = await withServerProcess(builtinServer(model, 1), SERVER_CPU, (server) => sequentialLatencyMs(server.url, requests));
  }
  const perRequestMs = (latencyBy['thread-per-request'] ?? Number.NaN) - (latencyBy['single'] ?? Number.NaN);
  const loadAfter = loadavg();

  const rows = [
    ['`node -e 0` (bare Node)', ms(bareMs), ms(cpuMedian(bare)), '', ''],
    ['`loadlab --help`', ms(helpMs), ms(cpuMedian(help)), `${fixed(helpMs / bareMs, 2)}× bare Node`, '≤ 2×'],
    ['`loadlab bench -t1`: start → first request', ms(firstMs('t1')), `${ms(cpuToFirstMs('t1'))} by the first request; ${ms(runCpuMs('t1'))} whole 1 s run`, '', ''],
    ['`loadlab bench -t12`: start → first request', ms(firstMs('t12')), `${ms(cpuToFirstMs('t12'))} by the first request; ${ms(runCpuMs('t12'))} whole 1 s run`, `12 threads on ${workers12} worker threads (one per core); on ${cpus().length} idle cores ≥ ${ms(cpuToFirstMs('t12') / cpus().length)} wall`, '≤ 300 ms'],
    ['`loadlab bench -t12 --workers 12`: start → first request', ms(firstMs('t12w12')), `${ms(cpuToFirstMs('t12w12'))} by the first request; ${ms(runCpuMs('t12w12'))} whole 1 s run`, `a worker thread per thread (as wrk, and Loadlab before): ${ms((cpuToFirstMs('t12w12') - cpuToFirstMs('t1')) / 11)} CPU per extra worker thread`, ''],
    ['12 empty Node threads: start → all ready, exit', ms(median(emptyTwelve.map((t) => t.wallMs))), ms(cpuMedian(emptyTwelve)), "Node's floor for a worker thread per thread", ''],
    ['handler thread: `new Worker` → ready (in process)', ms1(median(handlerStarts)), '', `empty thread (Node's floor): ${ms1(median(emptyStarts))}`, 'reported'],
    ['thread-per-request: per-request latency over `single`', ms1(perRequestMs), '', `${ms1(latencyBy['thread-per-request'] ?? Number.NaN)} vs ${ms1(latencyBy['single'] ?? Number.NaN)}`, 'reported'],
  ];
  const conditions = `Load average (1, 5, 15 min): ${loadBefore.map((v) => v.toFixed(1)).join(', ')} before, ${loadAfter.map((v) => v.toFixed(1)).join(', ')} after; ${cpus().length} cores.`;
  return [
    '## startup\n',
    `Wall time from spawn (medians): ${pairs} alternated pairs of ${code('node -e 0')} / ${code('node bin/loadlab.js --help')}; ${benchRounds} alternated rounds of ${code('node bin/loadlab.js bench -tN -cN -d1s -R100 URL')} (N = 1, 12, and 12 with ${code('--workers 12')}) against a server in the benchmark's process on 127.0.0.1 that notes the first request's arrival (and reads the CPU the bench process, all threads, had spent by then from /proc/PID/task/*/schedstat), each round followed by a process starting 12 empty worker threads; ${handlerStarts.length} handler threads and as many empty ones started one after another, alternated; ${requests} requests one after another on one keep-alive connection to ${code('loadlab serve --model M --workers 1')} pinned to CPU ${SERVER_CPU}. CPU is user + sys from ${code(GNU_TIME)}; for bench it is the whole run's (start, 1 s at 100 requests/s, exit). ${conditions}\n`,
    table(['what', 'wall', 'CPU', 'against', 'target'], rows),
  ].join('\n');
}

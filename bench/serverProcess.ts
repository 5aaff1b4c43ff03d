// A server under test as its own process, pinned with `taskset -c` to the server core: the
// built-in server (`node bin/loadlab.js serve …`) or the bare node:http hello-world
// (bench/helloServer.mjs). Both print "Listening on http://HOST:PORT/" once they listen on
// 127.0.0.1; the port is the one the system picked (--port 0). The process is stopped with
// SIGTERM (the serve command stops gracefully), SIGKILL after a while, and on an interrupt.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';
import { commandLine } from './measure.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LISTENING = /^Listening on (http:\/\/127\.0\.0\.1:\d+\/)/m;
const START_TIMEOUT_MS = 30_000;
/** After SIGTERM, how long the process gets before SIGKILL (the serve command's own grace is 5 s). */
const STOP_TIMEOUT_MS = 10_000;

export interface ServerProcessSpec {
  /** For the report. */
  label: string;
  /** The script node runs, relative to the repository root. */
  script: string;
  args: readonly string[];
}

export interface ServerProcess {
  url: string;
  /** `taskset -c CPU node …` as run (paths relative to the repository). */
  shown: string;
  /** user + sys CPU seconds of the whole process (all its threads) so far. */
  cpuS(): Promise<number>;
  stop(): Promise<void>;
}

/** `node bin/loadlab.js serve --quiet --port 0 --model M --workers N [extra]`. */
export function builtinServer(model: string, workers: number, extra: readonly string[] = []): ServerProcessSpec {
  const label = [model, ...extra].join(' ');
  return { label, script: 'bin/loadlab.js', args: ['serve', '--quiet', '--port', '0', '--model', model, '--workers', String(workers), ...extra] };
}

/** `node bench/helloServer.mjs 0`. */
export function bareServer(): ServerProcessSpec {
  return { label: 'bare node:http', script: 'bench/helloServer.mjs', args: ['0'] };
}

let clockTicks: number | null = null;

/** Clock ticks per second of /proc/PID/stat's CPU fields. */
function ticksPerSecond(): number {
  if (clockTicks === null) {
    const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const ticks = Number(result.stdout.trim());
    clockTicks = result.status === 0 && ticks > 0 ? ticks : 100;
  }
  return clockTicks;
}

/** utime + stime of a process, all threads, in seconds (fields 14 and 15 of /proc/PID/stat). */
async function processCpuS(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function startServerProcess(spec: ServerProcessSpec, cpu: string): Promise<ServerProcess> {
  const args = ['-c', cpu, process.execPath, join(repoRoot, spec.script), ...spec.args];
  // taskset execs node, so the child's pid is the server's.
  const child = spawn('taskset', args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<void>((resolveClosed) => child.once('close', () => resolveClosed()));
  const kill = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || exited(child)) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const unregister = onInterrupt(() => kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), STOP_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
      unregister();
    })();
    return stopping;
  };

  const shown = `taskset -c ${cpu} ${commandLine('node', [spec.script, ...spec.args])}`;
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`${shown} did not print its address within ${START_TIMEOUT_MS / 1000} s\n${stderr}`)), START_TIMEOUT_MS);
      const onData = (): void => {
        const match = LISTENING.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolveUrl(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${shown} exited (${signal ?? String(code)}) before listening\n${stderr}`));
      });
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${shown}: no process id`);
    return { url, shown, cpuS: () => processCpuS(pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs `body` with a server process started for it; the process is stopped afterwards, whatever happens. */
export async function withServerProcess<T>(spec: ServerProcessSpec, cpu: string, body: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServerProcess(spec, cpu);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

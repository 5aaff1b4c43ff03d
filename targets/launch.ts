// Starts a server that is not ours: checks the program and the port first, spawns it detached as
// the leader of its own process group (no shell unless asked), keeps the last 1 MiB of its
// output, waits until it is ready, and stops the whole group (SIGTERM, then SIGKILL after the
// grace period). Every failure is a LaunchError whose message names the cause and shows the log.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { DEFAULT_READY_TIMEOUT_MS, formatReadySpec, readyPort, type LogTail, type ReadySpec } from '../common/serverProfile.ts';
import { resolveExecutable } from './executable.ts';
import { processGuard, type ProcessGroupGuard } from './guard.ts';
import { LogBuffer } from './logTail.ts';
import { DEFAULT_GRACE_MS, stopGroup, type StopOutcome } from './processGroup.ts';
import { describePortTaken, findPortListener } from './procNet.ts';
import { waitReady } from './readiness.ts';

/** Lines of log shown with a failure. */
export const FAILURE_LOG_LINES = 20;

export interface LaunchSpec {
  /** Program and arguments; with `shell`, one command line for `sh -c`. */
  command: string[];
  shell: boolean;
  /** Absolute folder to run in. */
  cwd: string;
  /** Added to this process's environment. */
  env: Record<string, string>;
  ready: ReadySpec | null;
  readyTimeoutMs?: number;
  graceMs?: number;
}

export type LaunchFailure = 'not-found' | 'bad-cwd' | 'port-taken' | 'spawn' | 'exited' | 'timeout';

export class LaunchError extends Error {
  constructor(
    message: string,
    readonly failure: LaunchFailure,
    readonly log: LogTail | null,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Epoch ms. */
  atMs: number;
}

export interface LaunchedServer {
  /** The leader's PID, which is also the process group id. */
  readonly pid: number;
  readonly log: LogBuffer;
  /** The program's resolved path; null with `shell`. */
  readonly executable: string | null;
  /** Resolves when the leader exits (for whatever reason). */
  readonly exited: Promise<ProcessExit>;
  exitStatus(): ProcessExit | null;
  /** SIGTERM to the group, then SIGKILL after the grace period; idempotent. */
  stop(): Promise<StopOutcome>;
}

export function describeStop(outcome: StopOutcome): string {
  if (outcome.endedBy === 'SIGKILL') return `it ignored SIGTERM for ${outcome.graceMs / 1000} s and was killed (SIGKILL)`;
  if (outcome.endedBy === 'SIGTERM') return 'it stopped on SIGTERM';
  return 'it had already exited';
}

function logLines(log: LogBuffer): string {
  const lines = log.lastLines(FAILURE_LOG_LINES);
  return lines.length === 0 ? '(it wrote nothing)' : `its last ${lines.length} log lines:\n${lines.map((line) => `  | ${line}`).join('\n')}`;
}

function describeExit(exit: ProcessExit): string {
  return exit.code !== null ? `code ${exit.code}${exit.code === 127 ? ' (127: the shell did not find the command)' : ''}` : `signal ${exit.signal ?? '?'}`;
}

async function checkCwd(cwd: string): Promise<void> {
  try {
    if ((await stat(cwd)).isDirectory()) return;
  } catch {
    throw new LaunchError(`the server's folder ${cwd} does not exist`, 'bad-cwd', null);
  }
  throw new LaunchError(`the server's folder ${cwd} is not a folder`, 'bad-cwd', null);
}

/** Refuses before anything starts: a missing folder or program, a port someone else holds. */
async function preflight(spec: LaunchSpec, env: NodeJS.ProcessEnv): Promise<string | null> {
  await checkCwd(spec.cwd);
  let executable: string | null = null;
  if (!spec.shell) {
    const resolved = await resolveExecutable(spec.command[0] ?? '', spec.cwd, env.PATH);
    if (!resolved.ok) throw new LaunchError(`cannot start the server: ${resolved.reason}`, 'not-found', null);
    executable = resolved.path;
  }
  const port = readyPort(spec.ready);
  if (port !== null && process.platform === 'linux') {
    const listener = await findPortListener(port);
    if (listener !== null) throw new LaunchError(`cannot start the server: ${describePortTaken(port, listener.holders)}`, 'port-taken', null);
  }
  return executable;
}

export async function launchServer(spec: LaunchSpec, guard: ProcessGroupGuard = processGuard): Promise<LaunchedServer> {
  const env = { ...process.env, ...spec.env };
  const executable = await preflight(spec, env);
  const graceMs = spec.graceMs ?? DEFAULT_GRACE_MS;
  const readyTimeoutMs = spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const [program, args] = spec.shell ? ['/bin/sh', ['-c', spec.command.join(' ')]] : [executable ?? '', spec.command.slice(1)];
  const child = spawn(program, args, { cwd: spec.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = new LogBuffer();
  child.stdout?.on('data', (chunk: Buffer) => log.write(chunk, 'stdout'));
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk, 'stderr'));

  let exit: ProcessExit | null = null;
  const spawned = new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid ?? 0));
    child.once('error', (error) => reject(new LaunchError(`cannot start the server: ${spec.command[0] ?? ''}: ${error.message}`, 'spawn', log.tail())));
  });
  const exited = new Promise<ProcessExit>((resolve) => {
    // 'close': the output pipes are drained too, so the log holds its last words.
    child.once('close', (code, signal) => {
      exit = { code, signal, atMs: Date.now() };
      resolve(exit);
    });
  });
  const pid = await spawned;
  guard.add(pid, graceMs);

  let stopping: Promise<StopOutcome> | null = null;
  const stop = (): Promise<StopOutcome> => {
    stopping ??= stopGroup(pid, graceMs).then((outcome) => {
      guard.remove(pid);
      return outcome;
    });
    return stopping;
  };

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), readyTimeoutMs);
  try {
    const outcome = await Promise.race([waitReady(spec.ready, log, abort.signal).then((ready) => (ready ? 'ready' : 'timeout')), exited.then(() => 'exited' as const)]);
    if (outcome === 'exited') {
      const leader = exit as ProcessExit | null;
      // Its children may outlive it: the group goes too.
      await stop();
      throw new LaunchError(`the server exited with ${leader === null ? '?' : describeExit(leader)} before it was ready; ${logLines(log)}`, 'exited', log.tail());
    }
    if (outcome === 'timeout') {
      const stopped = await stop();
      throw new LaunchError(
        `the server was not ready after ${readyTimeoutMs / 1000} s (ready check: ${formatReadySpec(spec.ready)}); its process group was stopped (${describeStop(stopped)}); ${logLines(log)}`,
        'timeout',
        log.tail(),
      );
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { pid, log, executable, exited, exitStatus: () => exit, stop };
}

// Runs one command pinned to a CPU with `taskset -c`, bounded in time, and measures its CPU time
// (user + sys of the process and everything it waited for) with `/usr/bin/time -f`, or with bash's
// `time` keyword when /usr/bin/time is missing. The command runs in its own process group so a
// timeout or an interrupt can kill it whole.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onInterrupt } from './cleanup.ts';

export interface PinnedCommand {
  program: string;
  args: readonly string[];
  /** CPU list for taskset, e.g. "1". */
  cpu: string;
  /** Killed (whole process group, SIGKILL) after this long. */
  timeoutMs: number;
}

export interface Measured {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  userS: number;
  sysS: number;
  wallS: number;
}

export interface RunningCommand {
  /** Resolves when the command has exited; rejects only if it could not be measured. */
  done: Promise<Measured>;
}

const GNU_TIME = '/usr/bin/time';

/** How CPU time is measured here, for the report. */
export function cpuTimerName(): string {
  return existsSync(GNU_TIME) ? "`/usr/bin/time -f '%e %U %S'`" : "bash's `time` keyword";
}

/** The command line as a shell would take it, for the report. */
export function commandLine(program: string, args: readonly string[]): string {
  const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);
  return [program, ...args].map(quote).join(' ');
}

function parseTimes(text: string): { wallS: number; userS: number; sysS: number } {
  // GNU time may write "Command exited with non-zero status N" first; the figures are the last line.
  const lines = text.trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  const [wall, user, sys] = last.trim().split(/\s+/).map(Number);
  if (wall === undefined || user === undefined || sys === undefined || [wall, user, sys].some((n) => !Number.isFinite(n))) {
    throw new Error(`cannot read CPU times from "${text.trim()}"`);
  }
  return { wallS: wall, userS: user, sysS: sys };
}

export function startPinned(command: PinnedCommand): RunningCommand {
  const done = (async (): Promise<Measured> => {
    const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-time-'));
    const timeFile = join(dir, 'times');
    const pinned = ['taskset', '-c', command.cpu, command.program, ...command.args];
    const [program, args, env] = existsSync(GNU_TIME)
      ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S', ...pinned], process.env]
      : [
          'bash',
          ['-c', 'TIMEFORMAT="%3R %3U %3S"; exec 3>&2; { time "$@" 2>&3; } 2>"$BENCH_TIME_FILE"', 'bash', ...pinned],
          { ...process.env, BENCH_TIME_FILE: timeFile },
        ];
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    const killGroup = (): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const unregister = onInterrupt(killGroup);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, command.timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    try {
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code: number | null) => resolve(code));
      });
      const times = timedOut ? { wallS: Number.NaN, userS: Number.NaN, sysS: Number.NaN } : parseTimes(await readFile(timeFile, 'utf8'));
      return { exitCode, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), ...times };
    } finally {
      clearTimeout(timer);
      unregister();
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return { done };
}

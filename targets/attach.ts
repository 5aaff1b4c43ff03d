// An already-running server Loadlab did not start, found by PID or by the port it listens on.
import { readFile } from 'node:fs/promises';
import { describePortTaken, findPortListener, processCommand } from './procNet.ts';

export interface RunningProcess {
  pid: number;
  /** Its command line; null when it could not be read. */
  command: string | null;
}

export async function processByPid(pid: number): Promise<RunningProcess | string> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return `no process ${pid}`;
  }
  return { pid, command: process.platform === 'linux' ? await processCommand(pid) : null };
}

/** The process listening on `port` (Linux); a string says why there is none to watch. */
export async function processByPort(port: number): Promise<RunningProcess | string> {
  if (process.platform !== 'linux') return 'finding a process by its port needs Linux (/proc); give its PID instead';
  const listener = await findPortListener(port);
  if (listener === null) return `nothing listens on port ${port}`;
  const [holder, ...others] = listener.holders;
  if (holder === undefined) return describePortTaken(port, []);
  // Workers that share the socket (nginx): the tree's root is the one whose parent is not among them.
  if (others.length === 0) return holder;
  const pids = new Set(listener.holders.map((h) => h.pid));
  const root = await rootAmong(listener.holders.map((h) => h.pid), pids);
  return listener.holders.find((h) => h.pid === root) ?? holder;
}

async function rootAmong(candidates: number[], pids: Set<number>): Promise<number> {
  for (const pid of candidates) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    const parent = stat === null ? NaN : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!pids.has(parent)) return pid;
  }
  return candidates[0] ?? 0;
}

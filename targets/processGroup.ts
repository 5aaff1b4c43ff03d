// A process group: is anything of it still alive, and stopping it (SIGTERM to the whole group,
// then SIGKILL after a grace period). The server is started as a group leader (detached), so
// its workers and children are in the group unless they made groups of their own.
import { readdir, readFile } from 'node:fs/promises';

export const DEFAULT_GRACE_MS = 5000;

export interface StopOutcome {
  /** The signal that ended the group: SIGTERM when it obeyed, SIGKILL after the grace period. */
  endedBy: 'SIGTERM' | 'SIGKILL' | 'already-gone';
  graceMs: number;
}

/** Live (not zombie) members of process group `pgid`; on Linux from /proc, elsewhere by kill(-pgid, 0). */
export async function groupMembers(pgid: number): Promise<number[]> {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const members: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    // Fields after the command (which may hold spaces and parentheses): state ppid pgrp …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && fields[0] !== 'X' && Number(fields[2]) === pgid) members.push(Number(name));
  }
  return members;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM to the group; SIGKILL to what is left after `graceMs`. Resolves when no member is alive. */
export async function stopGroup(pgid: number, graceMs: number = DEFAULT_GRACE_MS): Promise<StopOutcome> {
  if ((await groupMembers(pgid)).length === 0) return { endedBy: 'already-gone', graceMs };
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(50);
    if ((await groupMembers(pgid)).length === 0) return { endedBy: 'SIGTERM', graceMs };
  }
  signalGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 100 && (await groupMembers(pgid)).length > 0; i++) await sleep(20);
  return { endedBy: 'SIGKILL', graceMs };
}

/** Last resort when Loadlab itself is exiting: nothing asynchronous can run any more. */
export function killGroupNow(pgid: number): void {
  signalGroup(pgid, 'SIGKILL');
}

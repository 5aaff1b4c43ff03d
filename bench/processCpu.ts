// CPU time of a process and all its descendants, from /proc (Linux), in seconds: for programs
// the benchmark does not start itself through `time`, such as the browser playwright launches.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux

interface ProcEntry {
  ppid: number;
  cpuTicks: number;
  cmdline: string;
}

function readProcs(): Map<number, ProcEntry> {
  const procs = new Map<number, ProcEntry>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after "(comm)": state ppid … utime(14th) stime(15th), counted from 1.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  return procs;
}

/** The direct child of `parentPid` whose command line contains `needle`, or null. */
export function findChild(parentPid: number, needle: string): number | null {
  for (const [pid, entry] of readProcs()) if (entry.ppid === parentPid && entry.cmdline.includes(needle)) return pid;
  return null;
}

/** CPU seconds used so far by `rootPid` and its living descendants. */
export function treeCpuS(rootPid: number): number {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, entry] of procs) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [rootPid];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    ticks += procs.get(pid)?.cpuTicks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_S;
}

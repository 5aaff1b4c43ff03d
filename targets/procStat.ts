// One reading of a process tree from Linux's /proc, and the telemetry point two readings make.
// A reading holds counters (CPU ticks, context switches) and levels (RSS, threads, fds, sockets);
// a point is the counters' difference over the time between the readings, plus the levels now.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Listener, ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import { readFds } from './procNet.ts';

/** Clock ticks per second of /proc's CPU times (USER_HZ) and the page size, read once. */
export interface ProcUnits {
  ticksPerSec: number;
  pageBytes: number;
}

function getconf(name: string): number | null {
  try {
    const value = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** USER_HZ is 100 and pages 4 KiB on every Linux this runs on; getconf says so when it is there. */
export function readProcUnits(): ProcUnits {
  return { ticksPerSec: getconf('CLK_TCK') ?? 100, pageBytes: getconf('PAGESIZE') ?? 4096 };
}

export interface ProcessReading {
  userTicks: number;
  systemTicks: number;
  rssBytes: number;
  threads: number;
}

export interface TreeReading {
  epochMs: number;
  processes: Map<number, ProcessReading>;
  /** Per thread ("pid/tid"): voluntary and involuntary context switches since it started. */
  switches: Map<string, { voluntary: number; involuntary: number }>;
  /** Null when a process's fds could not be read (another user's). */
  openFds: number | null;
  /** Null when not read this time (see ProcTreeSampler) or unreadable. */
  tcpByState: Record<string, number> | null;
  /** Listening sockets: inode → address and accept queue now; null when unknown. */
  listening: Map<number, { address: string; queued: number }> | null;
}

/** A reading of the tree's processes, and with a scan the inodes of the sockets its fds hold (null: not scanned, or a process's fds unreadable). */
export type TreeProcesses = Omit<TreeReading, 'tcpByState' | 'listening'> & { socketInodes: Set<number> | null };

/** The fields of /proc/PID/stat after the command name, which may hold spaces and parentheses. */
function statFields(text: string): string[] {
  return text.slice(text.lastIndexOf(')') + 2).trim().split(' ');
}

// Synchronous reads of /proc: see procNet.ts.
function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function listOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function countFds(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

function readProcess(pid: number, units: ProcUnits): ProcessReading | null {
  const text = readOrNull(`/proc/${pid}/stat`);
  if (text === null) return null;
  const fields = statFields(text);
  // statFields()[0] is field 3 (state): utime is field 14, stime 15, num_threads 20, rss 24.
  const at = (field: number): number => Number(fields[field - 3]);
  return { userTicks: at(14), systemTicks: at(15), threads: at(20), rssBytes: at(24) * units.pageBytes };
}

function childrenOf(pid: number): number[] {
  const lists = listOrEmpty(`/proc/${pid}/task`).map((tid) => readOrNull(`/proc/${pid}/task/${tid}/children`) ?? '');
  return lists.flatMap((list) => list.split(' ').filter((word) => word.trim() !== '').map(Number));
}

/** The root and all its descendants alive now. */
export function processTree(rootPid: number): number[] {
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.shift() as number;
    if (tree.includes(pid)) continue;
    tree.push(pid);
    pending.push(...childrenOf(pid));
  }
  return tree;
}

function readSwitches(pid: number, into: TreeReading['switches']): void {
  for (const tid of listOrEmpty(`/proc/${pid}/task`)) {
    const status = readOrNull(`/proc/${pid}/task/${tid}/status`);
    if (status === null) continue;
    const voluntary = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(status);
    const involuntary = /^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status);
    if (voluntary && involuntary) into.set(`${pid}/${tid}`, { voluntary: Number(voluntary[1]), involuntary: Number(involuntary[1]) });
  }
}

/**
 * Reads the tree of `rootPid`; null when the root is gone. With `scanFds` it also reads every fd
 * link, for the inodes of the tree's sockets (hundreds of links for a busy server); without, fds
 * are only counted. Sockets themselves are the caller's (see ProcTreeSampler).
 */
export async function readTree(rootPid: number, units: ProcUnits, now: () => number = Date.now, scanFds = true): Promise<TreeProcesses | null> {
  const pids = processTree(rootPid);
  const processes = new Map<number, ProcessReading>();
  const switches: TreeReading['switches'] = new Map();
  let openFds: number | null = 0;
  let socketInodes: Set<number> | null = scanFds ? new Set() : null;
  for (const pid of pids) {
    const reading = readProcess(pid, units);
    if (reading === null) continue;
    readSwitches(pid, switches);
    processes.set(pid, reading);
    if (scanFds) {
      const fds = await readFds(pid);
      if (fds === null) openFds = null;
      else if (openFds !== null) openFds += fds.count;
      if (fds === null) socketInodes = null;
      else for (const inode of fds.socketInodes) socketInodes?.add(inode);
    } else {
      const count = countFds(pid);
      openFds = count === null || openFds === null ? null : openFds + count;
    }
  }
  if (!processes.has(rootPid)) return null;
  return { epochMs: now(), processes, switches, openFds, socketInodes };
}

const perSec = (delta: number, intervalMs: number): number => (intervalMs > 0 ? (Math.max(0, delta) * 1000) / intervalMs : 0);

/**
 * The point between two readings. CPU and context switches count per process and per thread
 * present in the later reading: one born in between counts from its start; one that died in
 * between is missing its last moments (its time goes to its parent only when reaped).
 */
export function pointBetween(before: TreeReading, after: TreeReading, units: ProcUnits, runStartEpochMs: number, backlogs: ReadonlyMap<number, number>): ProcessTelemetryPoint {
  const intervalMs = after.epochMs - before.epochMs;
  let userTicks = 0;
  let systemTicks = 0;
  let rssBytes = 0;
  let threads = 0;
  for (const [pid, now] of after.processes) {
    const then = before.processes.get(pid);
    userTicks += Math.max(0, now.userTicks - (then?.userTicks ?? 0));
    systemTicks += Math.max(0, now.systemTicks - (then?.systemTicks ?? 0));
    rssBytes += now.rssBytes;
    threads += now.threads;
  }
  let voluntary = 0;
  let involuntary = 0;
  for (const [tid, now] of after.switches) {
    const then = before.switches.get(tid);
    voluntary += now.voluntary - (then?.voluntary ?? 0);
    involuntary += now.involuntary - (then?.involuntary ?? 0);
  }
  const pct = (ticks: number): number => (intervalMs > 0 ? (ticks / units.ticksPerSec / (intervalMs / 1000)) * 100 : 0);
  const listeners: Listener[] | null = after.listening === null ? null : [...after.listening].map(([inode, socket]) => ({ address: socket.address, queued: socket.queued, max: backlogs.get(inode) ?? null }));
  return {
    kind: 'process',
    runTMs: after.epochMs - runStartEpochMs,
    epochMs: after.epochMs,
    intervalMs,
    pids: [...after.processes.keys()].sort((a, b) => a - b),
    cpu: { userPct: pct(userTicks), systemPct: pct(systemTicks), totalPct: pct(userTicks + systemTicks) },
    rssBytes,
    threads,
    openFds: after.openFds,
    contextSwitchesPerSec: { voluntary: perSec(voluntary, intervalMs), involuntary: perSec(involuntary, intervalMs) },
    tcpByState: after.tcpByState,
    listeners,
  };
}

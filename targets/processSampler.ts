// Samples a server's process tree at a run's interval, onto the run's time axis. Linux reads
// /proc (procStat.ts); macOS and Windows get CPU and RSS of the root process through pidusage and
// every other figure null.
import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import { familyOf, listenBacklogs, readListeningSockets, readTcpSocketsSync, type TcpFamily } from './procNet.ts';
import { pointBetween, readProcUnits, readTree, type ProcUnits, type TreeReading } from './procStat.ts';

export interface ProcessSampler {
  /** The point since the previous call (the first call only takes the baseline and gives null); null also once the process is gone. */
  sample(runStartEpochMs: number): Promise<ProcessTelemetryPoint | null>;
}

/** Samples between two full scans of the tree's fds and the socket table (new listeners are found then). */
export const RESCAN_SAMPLES = 30;

/** The share of wall time the walks of the socket table may cost (the rest of a sample costs about 1 ms). */
export const WALK_BUDGET = 0.005;

/** The calling thread's CPU time in ms (its scheduler run time, ns in /proc/thread-self/schedstat); null when the kernel does not keep it. */
export function threadCpuClock(): (() => number) | null {
  const read = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  try {
    return Number.isFinite(read()) ? read : null;
  } catch {
    return null;
  }
}

export interface ProcTreeSamplerOptions {
  /** Epoch ms of a reading. */
  now?: () => number;
  /** The backlogs of the sockets listening on `ports` by inode (default `ss`); null when it cannot say. */
  backlogsOf?: (ports: readonly number[]) => Promise<Map<number, number> | null>;
  /** A monotonic ms clock: the time between walks. */
  clockMs?: () => number;
  /** This thread's CPU time, ms: what a walk cost (default /proc/thread-self/schedstat, else the wall clock, an upper bound). */
  cpuMs?: () => number;
  /** Default WALK_BUDGET; Infinity walks on every sample. */
  walkBudget?: number;
}

/**
 * Linux: the whole tree from /proc. Its sockets are found by a full scan (every fd link, against
 * the namespace's listening sockets) on the first sample and every RESCAN_SAMPLES samples; in
 * between, fds are only counted. Every sample reads its listeners' accept queues now (the head
 * of /proc/PID/net/tcp or tcp6: see readListeningSockets). The accept queue's maximum is asked of
 * `ss` once per listening socket found (it changes only with a new listen()); without `ss` it is
 * null.
 *
 * Connections by state need the whole socket table (/proc/PID/net/tcp or tcp6, only the families
 * it listens on: a listener's accepted connections are of its family, IPv4-mapped ones on a [::]
 * listener included), whose read walks every bucket of the kernel's established hash and formats
 * a line per socket of the namespace: about 5 ms on a quiet machine, 20 ms with 10,000 sockets
 * (TIME_WAIT of other programs included). So the walk is timed, and taken only when it fits in
 * WALK_BUDGET of the time since the last one: each sample on a quiet machine, every few seconds
 * on a crowded one; the points in between have `tcpByState` null (unknown), never a repeat.
 */
export class ProcTreeSampler implements ProcessSampler {
  private previous: TreeReading | null = null;
  /** Listening inode → backlog, as `ss` said. */
  private readonly backlogs = new Map<number, number>();
  /** Listening inodes `ss` was asked about (found or not): never asked twice. */
  private readonly asked = new Set<number>();
  private readonly units: ProcUnits;
  /** From the last full scan: the tree's listening ports, inodes and families; null when its fds could not be read. */
  private listeners: { ports: Set<number>; inodes: Set<number>; families: TcpFamily[] } | null = null;
  private samples = 0;
  private ssWorks = true;
  /** The last walk of the socket table: when it ended (clockMs) and what it cost (cpuMs). */
  private lastWalk: { atMs: number; costMs: number } | null = null;

  private readonly now: () => number;
  private readonly backlogsOf: (ports: readonly number[]) => Promise<Map<number, number> | null>;
  private readonly clockMs: () => number;
  private readonly cpuMs: () => number;
  private readonly walkBudget: number;

  constructor(
    private readonly rootPid: number,
    options: ProcTreeSamplerOptions = {},
  ) {
    this.units = readProcUnits();
    this.now = options.now ?? Date.now;
    this.backlogsOf = options.backlogsOf ?? listenBacklogs;
    this.clockMs = options.clockMs ?? (() => performance.now());
    this.cpuMs = options.cpuMs ?? threadCpuClock() ?? this.clockMs;
    this.walkBudget = options.walkBudget ?? WALK_BUDGET;
  }

  private async read(): Promise<TreeReading | null> {
    const rescan = this.samples % RESCAN_SAMPLES === 0;
    this.samples++;
    const tree = await readTree(this.rootPid, this.units, this.now, rescan);
    if (tree === null) return null;
    const { socketInodes, ...reading } = tree;
    if (rescan) await this.findListeners(socketInodes);
    const listeners = this.listeners;
    if (listeners === null) return { ...reading, tcpByState: null, listening: null };
    const listening: NonNullable<TreeReading['listening']> = new Map();
    for (const socket of readListeningSockets(this.rootPid, listeners.families)) {
      if (listeners.inodes.has(socket.inode)) listening.set(socket.inode, { address: socket.local, queued: socket.rxQueue });
    }
    // The baseline (no point of its own) does not spend the walk: the first point gets it.
    return { ...reading, tcpByState: this.previous !== null && this.walkDue() ? this.walk(listeners) : null, listening };
  }

  private async findListeners(socketInodes: Set<number> | null): Promise<void> {
    if (socketInodes === null) {
      this.listeners = null;
      return;
    }
    const mine = readListeningSockets(this.rootPid, ['tcp', 'tcp6']).filter((socket) => socketInodes.has(socket.inode));
    this.listeners = { ports: new Set(mine.map((socket) => socket.localPort)), inodes: new Set(mine.map((socket) => socket.inode)), families: [...new Set(mine.map((socket) => familyOf(socket.local)))] };
    if (!this.ssWorks || mine.every((socket) => this.asked.has(socket.inode))) return;
    for (const socket of mine) this.asked.add(socket.inode);
    const found = await this.backlogsOf([...this.listeners.ports]);
    if (found === null) this.ssWorks = false;
    else for (const [inode, max] of found) this.backlogs.set(inode, max);
  }

  private walkDue(): boolean {
    const last = this.lastWalk;
    return last === null || last.costMs <= this.walkBudget * (this.clockMs() - last.atMs);
  }

  /** The tree's listeners and the connections on their ports, by state. */
  private walk(listeners: { ports: Set<number>; inodes: Set<number>; families: TcpFamily[] }): Record<string, number> {
    const startCpuMs = this.cpuMs();
    const tcpByState: Record<string, number> = {};
    for (const socket of readTcpSocketsSync(this.rootPid, listeners.ports, listeners.families)) {
      if (socket.state === 'LISTEN' && !listeners.inodes.has(socket.inode)) continue; // another process's
      tcpByState[socket.state] = (tcpByState[socket.state] ?? 0) + 1;
    }
    this.lastWalk = { atMs: this.clockMs(), costMs: this.cpuMs() - startCpuMs };
    return tcpByState;
  }

  async sample(runStartEpochMs: number): Promise<ProcessTelemetryPoint | null> {
    const reading = await this.read();
    if (reading === null) return null;
    const previous = this.previous;
    this.previous = reading;
    return previous === null ? null : pointBetween(previous, reading, this.units, runStartEpochMs, this.backlogs);
  }
}

/** Elsewhere: CPU (user and system not apart) and RSS of the root process only. */
export class PidusageSampler implements ProcessSampler {
  private started = false;
  private lastEpochMs = 0;

  constructor(
    private readonly pid: number,
    private readonly now: () => number = Date.now,
  ) {}

  async sample(runStartEpochMs: number): Promise<ProcessTelemetryPoint | null> {
    let stats: { cpu: number; memory: number };
    try {
      stats = await pidusage(this.pid);
    } catch {
      return null;
    }
    const epochMs = this.now();
    const intervalMs = epochMs - this.lastEpochMs;
    this.lastEpochMs = epochMs;
    if (!this.started) {
      this.started = true;
      return null;
    }
    return {
      kind: 'process',
      runTMs: epochMs - runStartEpochMs,
      epochMs,
      intervalMs,
      pids: [this.pid],
      cpu: { userPct: null, systemPct: null, totalPct: stats.cpu },
      rssBytes: stats.memory,
      threads: null,
      openFds: null,
      contextSwitchesPerSec: { voluntary: null, involuntary: null },
      tcpByState: null,
      listeners: null,
    };
  }
}

export function samplerFor(pid: number): ProcessSampler {
  return process.platform === 'linux' ? new ProcTreeSampler(pid) : new PidusageSampler(pid);
}

export interface SamplingLoop {
  /** Takes a last point (the run's final moments) and stops. */
  stop(): Promise<ProcessTelemetryPoint[]>;
}

/**
 * Samples every `intervalMs` from `runStartEpochMs` (the baseline is taken now), collecting the
 * points; a sample still running when the next is due is not doubled (the next waits).
 */
export function sampleDuringRun(sampler: ProcessSampler, runStartEpochMs: number, intervalMs: number, onPoint: (point: ProcessTelemetryPoint) => void = () => {}): SamplingLoop {
  const points: ProcessTelemetryPoint[] = [];
  let busy: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const take = (): Promise<void> => {
    busy = busy.then(async () => {
      const point = await sampler.sample(runStartEpochMs);
      if (point === null) return;
      points.push(point);
      onPoint(point);
    });
    return busy;
  };
  void take();
  let k = 1;
  const schedule = (): void => {
    if (stopped) return;
    const due = runStartEpochMs + k * intervalMs;
    timer = setTimeout(() => {
      k++;
      void take();
      schedule();
    }, Math.max(0, due - Date.now()));
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await take();
      return points;
    },
  };
}

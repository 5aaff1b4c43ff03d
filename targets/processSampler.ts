// Samples a server's process tree at a run's interval, onto the run's time axis. Linux reads
// /proc (procStat.ts); macOS and Windows get CPU and RSS of the root process through pidusage and
// every other figure null.
import pidusage from 'pidusage';
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import { socketsOnPorts, type PortSockets } from './procNet.ts';
import { pointBetween, readProcUnits, readTree, type ProcUnits, type TreeReading } from './procStat.ts';

export interface ProcessSampler {
  /** The point since the previous call (the first call only takes the baseline and gives null); null also once the process is gone. */
  sample(runStartEpochMs: number): Promise<ProcessTelemetryPoint | null>;
}

/** Samples between two full scans of the tree's fds and the socket table (new listeners are found then). */
export const RESCAN_SAMPLES = 30;

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

/**
 * Linux: the whole tree from /proc. Its sockets are found by a full scan (every fd link against
 * the namespace's socket table) on the first sample and every RESCAN_SAMPLES samples; in between,
 * fds are only counted and the sockets on its listening ports (listeners with their accept queue
 * now and maximum, accepted connections by state) come from `ss`, which filters in the kernel.
 * Without `ss` every sample is a full scan and the accept queue's maximum is null.
 */
export class ProcTreeSampler implements ProcessSampler {
  private previous: TreeReading | null = null;
  private readonly backlogs = new Map<number, number>();
  private readonly units: ProcUnits;
  private ports: number[] | null = null;
  private samples = 0;
  private ssWorks = true;

  constructor(
    private readonly rootPid: number,
    private readonly now: () => number = Date.now,
    private readonly portSockets: (ports: readonly number[]) => Promise<PortSockets | null> = socketsOnPorts,
  ) {
    this.units = readProcUnits();
  }

  private async read(): Promise<TreeReading | null> {
    const rescan = !this.ssWorks || this.ports === null || this.samples % RESCAN_SAMPLES === 0;
    this.samples++;
    const reading = await readTree(this.rootPid, this.units, this.now, rescan);
    if (reading === null) return null;
    if (rescan) this.ports = [...new Set([...reading.listening.values()].map((socket) => portOf(socket.address)))];
    if (!this.ssWorks) return reading;
    const sockets = await this.portSockets(this.ports ?? []);
    if (sockets === null) {
      this.ssWorks = false;
      return rescan ? reading : readTree(this.rootPid, this.units, this.now, true);
    }
    const listening: TreeReading['listening'] = new Map();
    for (const [inode, socket] of sockets.listening) {
      listening.set(inode, { address: socket.address, queued: socket.queued });
      this.backlogs.set(inode, socket.max);
    }
    return { ...reading, tcpByState: sockets.tcpByState, listening };
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

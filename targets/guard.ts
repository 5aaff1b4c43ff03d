// Loadlab never leaves a server behind. Every process group it starts is registered here until
// it is stopped; when Loadlab itself is told to end (SIGTERM, SIGHUP) the groups are stopped
// (SIGTERM, then SIGKILL after the grace period) before it exits, and on any exit what is still
// registered gets SIGKILL. Ctrl-C (SIGINT) belongs to whoever else listens for it (a run stops
// and is saved, then its server is stopped); when nobody does, the guard stops the groups and
// exits with 130. A SIGKILL of Loadlab cannot be caught: that case is not covered.
import { killGroupNow, stopGroup } from './processGroup.ts';

type GuardedSignal = 'SIGTERM' | 'SIGHUP' | 'SIGINT';
const EXIT_SIGNALS: GuardedSignal[] = ['SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<GuardedSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export class ProcessGroupGuard {
  private readonly groups = new Map<number, number>();
  private installed = false;

  constructor(private readonly onSignal: (signal: GuardedSignal) => void = (signal) => process.exit(128 + SIGNAL_NUMBERS[signal])) {}

  /** Installs the process handlers (once). */
  install(): this {
    if (this.installed) return this;
    this.installed = true;
    for (const signal of EXIT_SIGNALS) {
      process.on(signal, () => {
        process.stderr.write(`\nloadlab: ${signal}: stopping the servers it started\n`);
        void this.stopAll().finally(() => this.onSignal(signal));
      });
    }
    process.on('SIGINT', () => {
      if (process.listenerCount('SIGINT') > 1) return;
      process.stderr.write('\nloadlab: stopping the servers it started\n');
      void this.stopAll().finally(() => this.onSignal('SIGINT'));
    });
    process.on('exit', () => {
      for (const pgid of this.groups.keys()) killGroupNow(pgid);
    });
    return this;
  }

  add(pgid: number, graceMs: number): void {
    this.groups.set(pgid, graceMs);
  }

  remove(pgid: number): void {
    this.groups.delete(pgid);
  }

  get size(): number {
    return this.groups.size;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.groups].map(async ([pgid, graceMs]) => {
      await stopGroup(pgid, graceMs);
      this.groups.delete(pgid);
    }));
  }
}

/** The guard of this process: the one whose handlers are installed. */
export const processGuard = new ProcessGroupGuard();

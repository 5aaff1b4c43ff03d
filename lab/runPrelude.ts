// What goes before a recorded run against the lab's launched server when its profile asks for it
// (as `bench --server` does): a fresh process (restartEachRun), then warm-up load at the run's
// shape for warmupMs, not recorded. One at a time; the run slot is idle while the server restarts
// and holds the warm-up run (unsaved) during the warm-up. A stop ends it before the recorded run.
import { errorMessage } from '../common/errorMessage.ts';
import type { RunPreludeStatus } from '../common/labApi.ts';
import type { ServerProfile } from '../common/serverProfile.ts';
import type { RunParams } from './runParams.ts';

export interface RunPreludeParts {
  /** Reads the profile again (it may have been edited since the server started). */
  profile(name: string): Promise<ServerProfile>;
  stopServer(): Promise<unknown>;
  startServer(profile: ServerProfile): Promise<unknown>;
  /** Runs `params` without saving it; resolves when the run slot is idle again. */
  runUnsaved(params: RunParams): Promise<unknown>;
  /** Stops the run going in the run slot. */
  stopRun(): void;
  /** The prelude's state changed (not called when it ends: the caller says what follows). */
  changed(status: RunPreludeStatus): void;
}

/** The warm-up's length: the profile's, at least the shortest run the lab takes. */
const MIN_RUN_MS = 100;

export class RunPrelude {
  private current: RunPreludeStatus | null = null;

  constructor(private readonly parts: RunPreludeParts) {}

  get status(): RunPreludeStatus | null {
    return this.current;
  }

  get going(): boolean {
    return this.current !== null;
  }

  get stopped(): boolean {
    return this.current?.stopping === true;
  }

  /** Whether `profile` asks for anything before a run. */
  static needed(profile: ServerProfile): boolean {
    return profile.restartEachRun || profile.warmupMs > 0;
  }

  /**
   * Restarts and warms up as `profile` says; resolves true when the recorded run may start, false
   * when a stop came first. A failed restart rejects with why (the server's log is in its status).
   */
  async run(profile: ServerProfile, params: RunParams): Promise<boolean> {
    this.current = { phase: profile.restartEachRun ? 'restart' : 'warmup', profile: profile.name, warmupMs: profile.warmupMs };
    this.emit();
    try {
      if (profile.restartEachRun) {
        const fresh = await this.parts.profile(profile.name);
        await this.parts.stopServer();
        if (this.stopped) return false;
        try {
          await this.parts.startServer(fresh);
        } catch (error) {
          throw new Error(`${profile.name} did not start again before the run: ${errorMessage(error)}`);
        }
        if (this.stopped) return false;
      }
      if (profile.warmupMs > 0) {
        if (this.current !== null) this.current = { ...this.current, phase: 'warmup' };
        this.emit();
        await this.parts.runUnsaved({ ...params, durationMs: Math.max(MIN_RUN_MS, profile.warmupMs), title: undefined, notes: undefined, tags: undefined });
      }
      return !this.stopped;
    } finally {
      this.current = null;
    }
  }

  /** Ends the prelude: the warm-up stops now, a restart at its next step; no recorded run follows. */
  stop(): void {
    if (this.current === null || this.current.stopping === true) return;
    this.current = { ...this.current, stopping: true };
    if (this.current.phase === 'warmup') this.parts.stopRun();
    this.emit();
  }

  private emit(): void {
    if (this.current !== null) this.parts.changed(this.current);
  }
}

// The lab's one launched server: a profile's command started from the page, watched (ready
// state, log, process telemetry once a second) and stopped with its whole process group. At most
// one at a time; the lab stops it on close, and the process guard stops it if Loadlab is killed.
import { errorMessage } from '../common/errorMessage.ts';
import { LabError, type ProfileServerStatus } from '../common/labApi.ts';
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import type { ServerInfo } from '../common/runRecord.ts';
import { readyPort, type ServerProfile } from '../common/serverProfile.ts';
import { readBuildIdentity } from '../targets/buildIdentity.ts';
import { processGuard } from '../targets/guard.ts';
import { launchServer, type LaunchedServer } from '../targets/launch.ts';
import { samplerFor, type ProcessSampler } from '../targets/processSampler.ts';
import { isLoopback } from './web/requestChecks.ts';

/** Lines of the log sent with each status and telemetry event. */
export const STATUS_LOG_LINES = 100;
const SAMPLE_INTERVAL_MS = 1000;

export interface ProfileServerEvents {
  status(status: ProfileServerStatus): void;
  /** Once a second while it runs: its process, and the log's last lines. */
  telemetry(point: ProcessTelemetryPoint, logLines: string[]): void;
  /** It exited on its own (not by profiles.stop or close). */
  exited(pid: number): void;
}

interface Running {
  profile: ServerProfile;
  server: LaunchedServer;
  info: Omit<Extract<ServerInfo, { kind: 'launched' }>, 'log' | 'exit'>;
  sampler: ProcessSampler;
  timer: NodeJS.Timeout;
  startedAtMs: number;
}

/** Whether the lab may start commands, and why not. */
export type CommandPolicy = { allowed: true } | { allowed: false; reason: string };

/**
 * Starting a profile runs a command on this machine: off loopback anyone with the token could,
 * so it is refused there unless --allow-commands says so. `host` is the --host given ("localhost"
 * counts as loopback; a name that is not is treated as exposed).
 */
export function commandPolicy(host: string, allowCommands: boolean): CommandPolicy {
  if (allowCommands || isLoopback(host) || host === 'localhost') return { allowed: true };
  return { allowed: false, reason: `loadlab web is bound to ${host}, not loopback, so it does not start commands; restart it with --allow-commands to allow that` };
}

export class ProfileServerSlot {
  private running: Running | null = null;
  /** The last server that ran and how it ended on its own: a run against it records both. */
  private last: { server: LaunchedServer; crash: { code: number | null; signal: string | null; atMs: number } | null } | null = null;
  private current: ProfileServerStatus = { state: 'stopped', profile: null, pid: null, url: null, startedAtMs: null, error: null, exit: null, logLines: [] };

  constructor(
    private readonly events: ProfileServerEvents,
    private readonly policy: CommandPolicy,
  ) {}

  get status(): ProfileServerStatus {
    return this.running === null ? this.current : { ...this.current, logLines: this.running.server.log.lastLines(STATUS_LOG_LINES) };
  }

  /**
   * The server a run to `url` measures: the running profile's, when the URL is on the port its
   * ready check names (or on its profile URL's origin); null otherwise.
   */
  serverFor(url: string): { info: ServerInfo; logLines: () => string[] } | null {
    const running = this.running;
    if (running === null || this.current.state !== 'running') return null;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return null;
    }
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    const profileUrl = running.profile.url === null ? null : new URL(running.profile.url);
    const matches = readyPort(running.profile.ready) === port || (profileUrl !== null && profileUrl.origin === target.origin);
    if (!matches) return null;
    const server = running.server;
    return { info: { ...running.info, log: server.log.tail(), exit: null }, logLines: () => server.log.lastLines(STATUS_LOG_LINES) };
  }

  /** The launched server's record entry at the end of a run: its log tail then, and its exit if it crashed. */
  recordInfo(base: ServerInfo, runStartEpochMs: number): ServerInfo {
    const last = this.last;
    if (base.kind !== 'launched' || last === null || last.server.pid !== base.pid) return base;
    const crash = last.crash;
    return { ...base, log: last.server.log.tail(), exit: crash === null ? null : { code: crash.code, signal: crash.signal, atRunMs: crash.atMs - runStartEpochMs } };
  }

  /** Throws LabError('failed') saying why, when this lab may not run (or keep) commands. */
  assertCommandsAllowed(what: string): void {
    if (!this.policy.allowed) throw new LabError('failed', `cannot ${what}: ${this.policy.reason}`);
  }

  async start(profile: ServerProfile): Promise<ProfileServerStatus> {
    this.assertCommandsAllowed(`start ${profile.name}`);
    if (this.current.state !== 'stopped') throw new LabError('busy', `${this.current.profile ?? 'a server'} is ${this.current.state}; stop it first`);
    processGuard.install();
    const cwd = profile.cwd ?? process.cwd();
    this.setStatus({ state: 'starting', profile: profile.name, pid: null, url: profile.url, startedAtMs: null, error: null, exit: null, logLines: [] });
    let server: LaunchedServer;
    try {
      server = await launchServer({ command: profile.command, shell: profile.shell, cwd, env: profile.env, ready: profile.ready, readyTimeoutMs: profile.readyTimeoutMs });
    } catch (error) {
      const message = errorMessage(error);
      this.setStatus({ ...this.current, state: 'stopped', error: message });
      throw new LabError('failed', message);
    }
    const build = await readBuildIdentity(cwd, server.executable);
    const sampler = samplerFor(server.pid);
    const startedAtMs = Date.now();
    void sampler.sample(startedAtMs); // the baseline
    const timer = setInterval(() => void this.sample(), SAMPLE_INTERVAL_MS);
    this.last = { server, crash: null };
    this.running = { profile, server, sampler, timer, startedAtMs, info: { kind: 'launched', profile, command: profile.command, shell: profile.shell, pid: server.pid, build } };
    this.setStatus({ state: 'running', profile: profile.name, pid: server.pid, url: profile.url, startedAtMs, error: null, exit: null, logLines: server.log.lastLines(STATUS_LOG_LINES) });
    void server.exited.then((exit) => {
      if (this.running?.server !== server || this.current.state === 'stopping') return;
      this.clear();
      this.last = { server, crash: { code: exit.code, signal: exit.signal, atMs: exit.atMs } };
      this.events.exited(server.pid);
      const how = exit.code !== null ? `code ${exit.code}` : `signal ${exit.signal ?? '?'}`;
      this.setStatus({ ...this.current, state: 'stopped', pid: null, error: `${profile.name} exited with ${how}`, exit: { code: exit.code, signal: exit.signal }, logLines: server.log.lastLines(STATUS_LOG_LINES) });
    });
    return this.status;
  }

  /** The running server's pid, or null. */
  get pid(): number | null {
    return this.running?.server.pid ?? null;
  }

  async stop(): Promise<ProfileServerStatus> {
    const running = this.running;
    if (running === null) return this.current;
    this.setStatus({ ...this.current, state: 'stopping' });
    this.clear();
    await running.server.stop();
    const exit = running.server.exitStatus();
    this.setStatus({ ...this.current, state: 'stopped', pid: null, exit: exit === null ? null : { code: exit.code, signal: exit.signal }, logLines: running.server.log.lastLines(STATUS_LOG_LINES) });
    return this.current;
  }

  private clear(): void {
    if (this.running !== null) clearInterval(this.running.timer);
    this.running = null;
  }

  private sampling = false;

  private async sample(): Promise<void> {
    const running = this.running;
    if (running === null || this.sampling) return;
    this.sampling = true;
    try {
      const point = await running.sampler.sample(running.startedAtMs);
      if (point !== null && this.running === running) this.events.telemetry(point, running.server.log.lastLines(STATUS_LOG_LINES));
    } finally {
      this.sampling = false;
    }
  }

  private setStatus(status: ProfileServerStatus): void {
    this.current = status;
    this.events.status(this.status);
  }
}

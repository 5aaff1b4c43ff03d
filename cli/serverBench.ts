// `bench --server NAME` and `bench --server-cmd "…" --ready CHECK`: start the server (or reuse a
// profile's server already running when the profile does not restart each run), wait until it is
// ready, warm up, sample its process tree on the run's time axis, stop the run if the server
// dies, and put the profile, build identity, log tail and telemetry in the record. What it
// started it stops, whatever happens.
import type { BenchConfig } from '../bench-runner/config.ts';
import { startRun } from '../bench-runner/run.ts';
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import type { MeasuredRunRecord, ServerInfo } from '../common/runRecord.ts';
import { describeServerExit, readyPort, type ReadySpec, type ServerExit, type ServerProfile } from '../common/serverProfile.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { openProfileStore } from '../journal/store/profiles.ts';
import { processByPort } from '../targets/attach.ts';
import { readBuildIdentity } from '../targets/buildIdentity.ts';
import { splitCommandLine } from '../common/commandWords.ts';
import { processGuard } from '../targets/guard.ts';
import { describeStop, LaunchError, launchServer, type LaunchedServer } from '../targets/launch.ts';
import { findPortListener } from '../targets/procNet.ts';
import { sampleDuringRun, samplerFor, type SamplingLoop } from '../targets/processSampler.ts';
import { UsageError } from './numbers.ts';
import type { RunCompanion } from './runWithReport.ts';
import { getProfile } from './server.ts';
import { DEFAULT_READY_TIMEOUT_MS, launchSpecOf } from './serverProfileFlags.ts';

export interface ServerBenchFlags {
  server?: string;
  serverCmd?: string;
  ready?: ReadySpec;
  readyTimeout?: number;
  journal?: string;
}

/** A server could not be started: nothing was loaded. */
export class ServerRefusedError extends Error {
  override name = 'ServerRefusedError';
}

export interface BenchServer {
  /** The profile's URL, for a bench without one. */
  readonly url: string | null;
  readonly companion: RunCompanion;
  /** True when the server exited during the run. */
  crashed(): boolean;
  /** Stops what was started (idempotent). */
  close(): Promise<void>;
}

const say = (text: string): boolean => process.stderr.write(`loadlab: ${text}\n`);

/** Checks the server flags before anything runs; null when the bench has no server to run. */
export async function serverProfileForBench(flags: ServerBenchFlags): Promise<ServerProfile | { command: string[]; ready: ReadySpec | null; readyTimeoutMs: number } | null> {
  if (flags.server !== undefined && flags.serverCmd !== undefined) throw new UsageError('give --server NAME or --server-cmd "…", not both');
  if (flags.server === undefined && flags.serverCmd === undefined) {
    if (flags.ready !== undefined || flags.readyTimeout !== undefined) throw new UsageError('--ready and --ready-timeout go with --server-cmd');
    return null;
  }
  if (flags.server !== undefined) {
    if (flags.ready !== undefined || flags.readyTimeout !== undefined) throw new UsageError(`--ready and --ready-timeout go with --server-cmd; a profile has its own (server show ${flags.server})`);
    return getProfile(await openProfileStore(resolveJournalDir({ flag: flags.journal })), flags.server);
  }
  const words = splitCommandLine(flags.serverCmd ?? '');
  if (typeof words === 'string') throw new UsageError(`--server-cmd: ${words}`);
  return { command: words, ready: flags.ready ?? null, readyTimeoutMs: flags.readyTimeout ?? DEFAULT_READY_TIMEOUT_MS };
}

/** Reuses a profile's server already listening, when the profile allows it. */
async function runningServerOf(profile: ServerProfile): Promise<{ pid: number; command: string | null } | null> {
  const port = readyPort(profile.ready);
  if (profile.restartEachRun || port === null || process.platform !== 'linux') return null;
  if ((await findPortListener(port)) === null) return null;
  const found = await processByPort(port);
  return typeof found === 'string' ? null : found;
}

export type BenchServerSpec = NonNullable<Awaited<ReturnType<typeof serverProfileForBench>>>;

interface Started {
  pid: number;
  launched: LaunchedServer | null;
  info: (exit: ServerExit | null) => ServerInfo;
}

async function startOrReuse(spec: BenchServerSpec, profile: ServerProfile | null, label: string): Promise<Started> {
  const running = profile === null ? null : await runningServerOf(profile);
  if (running !== null) {
    say(`${label} is already running (pid ${running.pid}); using it (the profile does not restart each run)`);
    return { pid: running.pid, launched: null, info: () => ({ kind: 'external', command: running.command ?? (profile?.command.join(' ') ?? ''), pid: running.pid }) };
  }
  const launchSpec = profile !== null ? launchSpecOf(profile) : { command: spec.command, shell: false, cwd: process.cwd(), env: {}, ready: spec.ready, readyTimeoutMs: spec.readyTimeoutMs };
  const startedMs = Date.now();
  say(`starting ${label}`);
  let server: LaunchedServer;
  try {
    server = await launchServer(launchSpec);
  } catch (error) {
    if (error instanceof LaunchError) throw new ServerRefusedError(error.message);
    throw error;
  }
  say(`${label} is ready after ${((Date.now() - startedMs) / 1000).toFixed(1)} s (pid ${server.pid})`);
  const build = await readBuildIdentity(launchSpec.cwd, server.executable);
  return {
    pid: server.pid,
    launched: server,
    info: (exit) => ({ kind: 'launched', profile, command: launchSpec.command, shell: launchSpec.shell, pid: server.pid, build, log: server.log.tail(), exit }),
  };
}

/** The server of one bench: started (or reused) in `before`, stopped by `close`. */
export function benchServer(spec: BenchServerSpec, intervalMs: number): BenchServer {
  const profile = 'name' in spec ? spec : null;
  const label = profile === null ? spec.command.join(' ') : profile.name;
  let started: Started | null = null;
  let startEpochMs: number | null = null;
  let loop: SamplingLoop | null = null;
  let exit: ServerExit | null = null;
  let finished = false;
  let closed: Promise<void> | null = null;

  const companion: RunCompanion = {
    async before(config) {
      processGuard.install();
      started = await startOrReuse(spec, profile, label);
      await warmUp(config, profile?.warmupMs ?? 0);
    },
    onStart(epochMs) {
      startEpochMs = epochMs;
      if (started !== null) loop = sampleDuringRun(samplerFor(started.pid), epochMs, intervalMs);
    },
    attach(handle) {
      void started?.launched?.exited.then((ended) => {
        if (finished) return;
        exit = { code: ended.code, signal: ended.signal, atRunMs: startEpochMs === null ? 0 : ended.atMs - startEpochMs };
        say(`${describeServerExit(exit)}: stopping the run (it is kept, marked so)`);
        handle.stop();
      });
    },
    async finish(record: MeasuredRunRecord) {
      finished = true;
      const points: ProcessTelemetryPoint[] = loop === null ? [] : await (loop as SamplingLoop).stop();
      return started === null ? record : { ...record, server: started.info(exit), serverSeries: points };
    },
  };

  return {
    url: profile?.url ?? null,
    companion,
    crashed: () => exit !== null,
    close() {
      closed ??= (async () => {
        const server = (started as Started | null)?.launched ?? null;
        if (server === null) return;
        say(`stopped ${label}: ${describeStop(await server.stop())}`);
      })();
      return closed;
    },
  };
}

/** Load before the recorded run, not recorded. */
export async function warmUp(config: BenchConfig, warmupMs: number): Promise<void> {
  if (warmupMs <= 0) return;
  say(`warming up for ${warmupMs / 1000} s (not recorded)`);
  await startRun({ ...config, durationMs: warmupMs }).result;
}

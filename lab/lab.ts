// The application core: owns at most one built-in server, one launched profile server, one run
// and the journal, behind the
// one contract of common/labApi.ts. Electron's IPC and the web host are thin transports over it.
import { LabError, parseLabParams, type LabEventName, type LabEvents, type LabMethod, type LabResults, type RunStatus } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import { APP_VERSION } from '../common/version.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { JournalError, openJournal } from '../journal/store/journal.ts';
import { defaultUserDataDir } from '../journal/store/journalDir.ts';
import { openProfileStore, ProfileError } from '../journal/store/profiles.ts';
import { EventHub } from './eventHub.ts';
import { JournalService } from './journalService.ts';
import { serverInfoFor, type RunParams } from './runParams.ts';
import { experimentView, exportExperiment } from './experimentView.ts';
import { RunSlot } from './runSlot.ts';
import { RunPrelude } from './runPrelude.ts';
import { SweepSlot } from './sweepSlot.ts';
import { RepeatSlot } from './repeatSlot.ts';
import { repeatView } from '../experiments/repeatView.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { ProfileServerSlot, type CommandPolicy } from './profileServerSlot.ts';
import { ServerSlot } from './serverSlot.ts';
import { checkTarget, endpointOf } from './targetCheck.ts';
import { UnsavedRuns } from './unsavedRuns.ts';
import { errorMessage } from '../common/errorMessage.ts';

export interface Lab {
  /** Validates params (LabError 'bad-params'); every other failure is a LabError too. */
  call<M extends LabMethod>(method: M, params: unknown): Promise<LabResults[M]>;
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
  /** Stops the run (saving what it measured) and the server; nothing is left listening. */
  close(): Promise<void>;
}

export interface LabOptions {
  journalDir: string;
  host: 'electron' | 'web';
  electronVersion?: string | null;
  /** Deliveries per second to UIs, all events together (state changes are never delayed). */
  maxEventsPerSec?: number;
  /**
   * Whether `profiles.start` may run the user's commands. Default allowed (the desktop app and a
   * web host on loopback); a web host bound off loopback refuses unless asked (`--allow-commands`).
   */
  commands?: CommandPolicy;
  /** Folders for the fallback file of a run the journal did not take; default: journal/store/fallbackRecord.ts. */
  fallbackDirs?: readonly string[];
  /** Where the built-in server's self-signed certificate is kept; default: the user data folder's "tls", as `serve --tls`. */
  tlsDir?: string;
}

export const DEFAULT_MAX_EVENTS_PER_SEC = 10;

type Handlers = { [M in LabMethod]: (params: ReturnType<typeof parseLabParams<M>>) => Promise<LabResults[M]> | LabResults[M] };

export async function createLab(options: LabOptions): Promise<Lab> {
  const journal = new JournalService(await openJournal(options.journalDir));
  const profiles = await openProfileStore(options.journalDir);
  const hub = new EventHub({
    maxPerSec: options.maxEventsPerSec ?? DEFAULT_MAX_EVENTS_PER_SEC,
    immediate: ['server.status', 'profiles.serverStatus', 'sweep.status', 'sweep.step', 'sweep.finished', 'sweep.failed', 'repeat.status', 'repeat.run', 'repeat.finished', 'repeat.failed', 'run.status', 'run.finished', 'run.failed', 'run.saveFailed', 'run.unsavedChanged', 'journal.changed'],
  });
  const experiments = await openExperiments(options.journalDir);
  /** The sweep step waiting for the run it started, if any. */
  let stepWaiter: { save: boolean; resolve(record: MeasuredRunRecord): void; reject(error: Error): void } | null = null;
  const takeWaiter = (): typeof stepWaiter => {
    const waiter = stepWaiter;
    stepWaiter = null;
    return waiter;
  };
  const unsaved = new UnsavedRuns((record) => journal.save(record), options.fallbackDirs);
  /** The params of the run a prelude (restart, warm-up) goes before; null when none. */
  let preludeParams: RunParams | null = null;
  const runStatus = (): RunStatus => {
    const status = runs.status;
    const pre = prelude.status;
    if (pre === null) return status;
    return { ...status, state: pre.stopping === true ? 'stopping' : status.state === 'idle' ? 'running' : status.state, params: status.params ?? preludeParams, prelude: pre };
  };
  const emitRunStatus = (): void => hub.emit('run.status', runStatus());
  const runs: RunSlot = new RunSlot({
    status: () => emitRunStatus(),
    sample: (sample) => hub.emit('run.sample', sample),
    finished: async (record) => {
      const runId = runs.status.runId ?? record.id;
      const waiter = takeWaiter();
      if (waiter?.save === false) {
        waiter.resolve(record);
        return;
      }
      try {
        await journal.save(record);
      } catch (error) {
        // Kept in memory and in a fallback file; the UI offers Retry and a download.
        const kept = await unsaved.keep(runId, record, error);
        hub.flush();
        hub.emit('run.saveFailed', kept);
        hub.emit('run.unsavedChanged', { unsaved: unsaved.list() });
        waiter?.resolve(record);
        return;
      }
      hub.flush();
      hub.emit('run.finished', { runId, header: runHeaderOf(record) });
      hub.emit('journal.changed', { reason: 'saved' });
      waiter?.resolve(record);
    },
    failed: (runId, message) => {
      takeWaiter()?.reject(new Error(message));
      hub.emit('run.failed', { runId, message });
    },
  });
  const servers = new ServerSlot({
    status: (status) => hub.emit('server.status', status),
    telemetry: (sample) => {
      runs.onTelemetry(sample);
      hub.emit('server.telemetry', sample);
    },
  }, options.tlsDir ?? join(defaultUserDataDir(process.platform, process.env, homedir()), 'tls'));
  const sweeps = new SweepSlot({
    runStep: (params, save) => runAndWait(params, save),
    stopStep: () => runs.stop(),
    saveExperiment: async (record) => {
      await experiments.put(record);
      hub.emit('journal.changed', { reason: 'saved' });
    },
    targetLabel: (params) => (params.target.kind === 'url' ? params.target.url : `built-in ${servers.status.settings?.model ?? ''}`.trim()),
    status: (status) => hub.emit('sweep.status', status),
    step: (event) => hub.emit('sweep.step', event),
    finished: (event) => hub.emit('sweep.finished', event),
    failed: (event) => hub.emit('sweep.failed', event),
  });
  const repeats = new RepeatSlot({
    runOne: (params) => runAndWait(params, true),
    stopRun: () => runs.stop(),
    useModel: async (model) => {
      const settings = servers.status.settings;
      if (settings === null) throw new Error('the built-in server is not running: start it first');
      if (settings.model === model && servers.running !== null) return;
      await servers.stop();
      await servers.start({ model, workers: settings.workers, keepAlive: settings.keepAlive, closeSilently: settings.closeSilently ?? false, tls: settings.tls ?? false, port: 0 });
    },
    builtinModel: () => (servers.running === null ? null : (servers.status.settings?.model ?? null)),
    saveRepeat: async (record) => {
      await experiments.putRepeat(record);
      hub.emit('journal.changed', { reason: 'saved' });
    },
    targetLabel: (params) => (params.target.kind === 'url' ? params.target.url : `built-in ${params.target.path}`),
    status: (status) => hub.emit('repeat.status', status),
    run: (event) => hub.emit('repeat.run', event),
    finished: (event) => hub.emit('repeat.finished', event),
    failed: (event) => hub.emit('repeat.failed', event),
  });
  const launched = new ProfileServerSlot(
    {
      status: (status) => hub.emit('profiles.serverStatus', status),
      telemetry: (point, logLines) => {
        runs.onProcessTelemetry(point);
        hub.emit('profiles.telemetry', { profile: launched.status.profile ?? '', point, logLines });
      },
      exited: (pid) => runs.onLaunchedExit(pid),
    },
    options.commands ?? { allowed: true },
  );
  /** Runs `params` through the run slot (a sweep's step or warm-up, a repeat's run, a profile's warm-up), saved only when `save`; resolves once the slot is idle again. */
  const runAndWait = async (params: RunParams, save = false): Promise<MeasuredRunRecord> => {
    const record = await new Promise<MeasuredRunRecord>((resolve, reject) => {
      stepWaiter = { save, resolve, reject };
      try {
        const builtin = servers.running;
        runs.start(params, builtin === null ? null : { url: builtin.url, caFile: builtin.caFile }, serverInfoFor(params, servers.status));
      } catch (error) {
        stepWaiter = null;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    await runs.done; // the slot is idle again: the next run may start
    return record;
  };
  const prelude = new RunPrelude({
    profile: (name) => profiles.get(name),
    stopServer: () => launched.stop(),
    startServer: (profile) => launched.start(profile),
    runUnsaved: (params) => runAndWait(params),
    stopRun: () => runs.stop(),
    changed: () => emitRunStatus(),
  });
  let preludeDone: Promise<void> = Promise.resolve();
  /** Starts the recorded run; one to the launched server's port records it (kind launched) and keeps its process telemetry. */
  const startRecordedRun = (params: RunParams): RunStatus => {
    const builtin = servers.running;
    const own = params.target.kind === 'url' ? launched.serverFor(params.target.url) : null;
    runs.start(
      params,
      builtin === null ? null : { url: builtin.url, caFile: builtin.caFile },
      own?.info ?? serverInfoFor(params, servers.status),
      (info, runStartEpochMs) => launched.recordInfo(info, runStartEpochMs),
    );
    return runStatus();
  };
  let closed = false;

  const handlers: Handlers = {
    'app.info': () => ({ version: APP_VERSION, electron: options.electronVersion ?? null, node: process.version, host: options.host, journalDir: options.journalDir }),
    'server.start': (params) => servers.start(params),
    'server.stop': async () => {
      if ((runs.status.state !== 'idle' && runs.status.params?.target.kind === 'builtin') || sweeps.status.params?.target.kind === 'builtin' || repeats.status.params?.target.kind === 'builtin') {
        throw new LabError('busy', 'a run against the built-in server is going; stop the run first');
      }
      return servers.stop();
    },
    'server.status': () => servers.status,
    'run.start': (params) => {
      if (sweeps.going) throw new LabError('busy', 'a sweep is going; stop it first');
      if (repeats.going) throw new LabError('busy', 'repeats are going; stop them first');
      if (prelude.going) throw new LabError('busy', `a run is getting ready (${prelude.status?.phase === 'restart' ? 'restarting' : 'warming up'} ${prelude.status?.profile ?? ''}); stop it first`);
      const own = params.target.kind === 'url' ? launched.serverFor(params.target.url) : null;
      const profile = own?.info.kind === 'launched' ? own.info.profile : null;
      if (profile === null || !RunPrelude.needed(profile)) return startRecordedRun(params);
      if (runs.status.state !== 'idle') throw new LabError('busy', `a run is already going (${runs.status.runId ?? ''}); stop it first`);
      // The profile restarts its server and/or warms it up first, as bench --server does; the page follows run.status.
      preludeParams = params;
      const going = prelude.run(profile, params);
      preludeDone = going.then(
        (go) => {
          preludeParams = null;
          if (!go || closed) return emitRunStatus();
          try {
            startRecordedRun(params);
          } catch (error) {
            hub.emit('run.failed', { runId: null, message: errorMessage(error) });
            emitRunStatus();
          }
        },
        (error: unknown) => {
          preludeParams = null;
          hub.emit('run.failed', { runId: null, message: errorMessage(error) });
          emitRunStatus();
        },
      );
      return runStatus();
    },
    'run.stop': () => {
      if (sweeps.going) sweeps.stop();
      else if (repeats.going) repeats.stop();
      else if (prelude.going) prelude.stop();
      else runs.stop();
      return runStatus();
    },
    'sweep.start': (params) => {
      if (prelude.going) throw new LabError('busy', 'a run is getting ready; stop it first');
      if (runs.status.state !== 'idle') throw new LabError('busy', `a run is ${runs.status.state === 'stopping' ? 'stopping' : 'going'} (${runs.status.runId ?? ''}); stop it first`);
      if (repeats.going) throw new LabError('busy', 'repeats are going; stop them first');
      if (params.target.kind === 'builtin' && servers.running === null) throw new LabError('bad-params', 'the built-in server is not running: start it first, or give a URL');
      return sweeps.start(params);
    },
    'repeat.start': (params) => {
      if (prelude.going) throw new LabError('busy', 'a run is getting ready; stop it first');
      if (runs.status.state !== 'idle') throw new LabError('busy', `a run is ${runs.status.state === 'stopping' ? 'stopping' : 'going'} (${runs.status.runId ?? ''}); stop it first`);
      if (sweeps.going) throw new LabError('busy', 'a sweep is going; stop it first');
      if (params.target.kind === 'builtin' && servers.running === null) throw new LabError('bad-params', 'the built-in server is not running: start it first, or give a URL');
      return repeats.start(params);
    },
    'repeat.stop': () => repeats.stop(),
    'repeat.status': () => repeats.status,
    'journal.repeats': async () => ({ repeats: await experiments.listRepeats() }),
    'journal.repeat': async ({ id }) => {
      const experiment = await experiments.getRepeat(id);
      const records = new Map<string, RunRecord>();
      for (const { runId } of experiment.runs) {
        try {
          records.set(runId, await journal.get(runId));
        } catch (error) {
          if (!(error instanceof JournalError && error.code === 'not-found')) throw error;
        }
      }
      return repeatView(experiment, records);
    },
    'sweep.stop': () => sweeps.stop(),
    'sweep.status': () => sweeps.status,
    'run.status': () => runStatus(),
    'run.samples': () => runs.history,
    'target.check': ({ target, timeoutMs }) => {
      const builtinUrl = servers.running?.url ?? null;
      const builtinPort = builtinUrl === null ? null : (endpointOf(builtinUrl)?.port ?? null);
      if (target.kind === 'builtin' && builtinUrl === null) return { reachable: false, url: target.path, problem: 'refused', message: 'the built-in server is not running: start it first' };
      return checkTarget(target.kind === 'builtin' ? `${builtinUrl}${target.path}` : target.url, timeoutMs, builtinPort);
    },
    'run.unsaved': () => unsaved.list(),
    'run.retrySave': async ({ id }) => {
      const header = await unsaved.retry(id);
      hub.emit('run.unsavedChanged', { unsaved: unsaved.list() });
      hub.emit('journal.changed', { reason: 'saved' });
      return header;
    },
    'run.unsavedRecord': ({ id }) => unsaved.record(id),
    'run.discardUnsaved': ({ id }) => {
      unsaved.discard(id);
      hub.emit('run.unsavedChanged', { unsaved: unsaved.list() });
      return { id };
    },
    'journal.list': () => journal.list(),
    'journal.experiments': () => experiments.list(),
    'journal.experiment': ({ id }) => experimentView(experiments, (runId) => journal.get(runId), id),
    'journal.exportExperiment': async ({ id, format }) => ({ files: await exportExperiment(experiments, (runId) => journal.get(runId), id, format) }),
    'journal.trash': () => journal.trash(),
    'journal.get': ({ id }) => journal.get(id),
    'journal.update': async ({ id, patch }) => {
      const header = await journal.update(id, patch);
      hub.emit('journal.changed', { reason: 'updated' });
      return header;
    },
    'journal.delete': async ({ id }) => {
      await journal.remove(id);
      hub.emit('journal.changed', { reason: 'deleted' });
      return { id };
    },
    'journal.restore': async ({ id }) => {
      const header = await journal.restore(id);
      hub.emit('journal.changed', { reason: 'restored' });
      return header;
    },
    'journal.import': async ({ files }) => {
      const summary = await journal.importFiles(files);
      if (summary.added.length > 0) hub.emit('journal.changed', { reason: 'imported' });
      return summary;
    },
    'journal.export': ({ ids, format, groups }) => journal.exportRuns(ids, format, groups),
    'profiles.list': () => profiles.list(),
    'profiles.get': ({ name }) => profiles.get(name),
    'profiles.put': async ({ profile, replace }) => {
      launched.assertCommandsAllowed(`save ${profile.name}`);
      await profiles.put(profile, { replace });
      return profile;
    },
    'profiles.remove': async ({ name }) => {
      launched.assertCommandsAllowed(`remove ${name}`);
      await profiles.remove(name);
      return { name };
    },
    'profiles.start': async ({ name }) => launched.start(await profiles.get(name)),
    'profiles.stop': () => {
      if (prelude.going) throw new LabError('busy', 'a run is getting ready against this server; stop the run first');
      const pid = launched.pid;
      if (pid !== null && runs.loads(pid)) throw new LabError('busy', 'a run against this server is going; stop the run first');
      return launched.stop();
    },
    'profiles.status': () => launched.status,
    compare: ({ groups }) => journal.compare(groups),
  };

  return {
    async call(method, rawParams) {
      if (closed) throw new LabError('failed', 'the lab is closed');
      const params = parseLabParams(method, rawParams);
      try {
        return await (handlers[method] as (params: unknown) => Promise<LabResults[typeof method]>)(params);
      } catch (error) {
        throw asLabError(error);
      }
    },
    on: (event, listener) => hub.on(event, listener),
    async close() {
      if (closed) return;
      closed = true;
      sweeps.stop();
      repeats.stop();
      prelude.stop();
      runs.stop();
      await preludeDone;
      await sweeps.done;
      await repeats.done;
      await runs.done;
      await Promise.all([servers.stop(), launched.stop()]);
      hub.close();
    },
  };
}

function asLabError(error: unknown): LabError {
  if (error instanceof LabError) return error;
  if (error instanceof ProfileError) return new LabError(error.code === 'not-found' ? 'not-found' : error.code === 'exists' ? 'busy' : error.code === 'invalid-name' || error.code === 'invalid' ? 'bad-params' : 'failed', error.message);
  if (error instanceof JournalError) return new LabError(error.code === 'not-found' ? 'not-found' : error.code === 'invalid-id' ? 'bad-params' : 'failed', error.message);
  return new LabError('failed', errorMessage(error));
}

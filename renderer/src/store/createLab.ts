// The store and its actions for one lab connection.
import type { LabApi } from '../../../common/labApi.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { parseCommandLine } from '../commandLine/parseCommandLine.ts';
import type { LoadDraft } from '../loadForm/draft.ts';
import { presetDraft, type Preset, type PresetLength } from '../loadForm/presets.ts';
import { compareActions } from './actions/compareActions.ts';
import { attempt, setError, type ActionContext } from './actions/context.ts';
import { journalActions } from './actions/journalActions.ts';
import { runActions } from './actions/runActions.ts';
import { saveActions } from './actions/saveActions.ts';
import { serverActions } from './actions/serverActions.ts';
import { sweepActions } from './actions/sweepActions.ts';
import { bindLabEvents } from './events.ts';
import { withSweepStatus } from './sweep.ts';
import { withRepeatStatus } from './repeat.ts';
import { toggleSelection, withRunHistory, withRunStatus } from './reducers.ts';
import { initialState, type LabState, type Place, type ServerForm, type View } from './state.ts';

export type LabActions = ReturnType<typeof createActions>;

export interface Lab {
  store: StoreApi<LabState>;
  actions: LabActions;
  /** The lab API itself, for panels that keep their own state (the launched server's). */
  api: LabApi;
  /** Subscribes to the lab's events and reads the first state; returns the unsubscribe. */
  start(): () => void;
}

export function createLab(api: LabApi): Lab {
  const store = createStore<LabState>(() => initialState);
  const actions = createActions({ api, store });
  return {
    store,
    actions,
    api,
    start() {
      const off = bindLabEvents(api, store, {
        journalChanged: (reason) => {
          void actions.refreshJournal();
          const view = store.getState().view;
          if (reason === 'updated' && view.name === 'journal' && view.runId !== null) void actions.loadRecord(view.runId, true);
        },
      });
      // Events sent while the connection was down are lost: read everything again when it is back.
      const offConnection =
        api.onConnection?.((connection) => {
          if (connection === 'reconnecting') store.setState({ connection: { state: 'reconnecting', message: 'Lost the connection to loadlab web; reconnecting…' } });
          else void actions.readAll();
        }) ?? (() => undefined);
      void actions.readAll();
      return () => {
        off();
        offConnection();
      };
    },
  };
}

function createActions(ctx: ActionContext) {
  const { api, store } = ctx;
  const server = serverActions(ctx);
  const runs = runActions(ctx, server.ensureServer);
  const journal = journalActions(ctx);
  const comparing = compareActions(ctx, journal.loadRecord);
  const saving = saveActions(ctx);
  const sweeps = sweepActions(ctx, journal.loadExperiment);

  async function readAll(): Promise<void> {
    const [info, serverStatus, runStatus, sweepStatus, repeatStatus] = await Promise.all([
      attempt(ctx, 'connection', () => api.call('app.info', {})),
      attempt(ctx, 'server', () => api.call('server.status', {})),
      attempt(ctx, 'run', () => api.call('run.status', {})),
      attempt(ctx, 'run', () => api.call('sweep.status', {})),
      attempt(ctx, 'run', () => api.call('repeat.status', {})),
      journal.refreshJournal(),
      saving.readUnsaved(),
    ]);
    store.setState((state) => ({
      appInfo: info,
      connection: info === null ? { state: 'failed', message: state.errors.connection ?? 'no answer' } : { state: 'ready', message: null },
      ...(serverStatus === null ? {} : { server: serverStatus }),
      ...(runStatus === null ? {} : withRunStatus(state, runStatus)),
      ...(sweepStatus === null || sweepStatus.state === 'idle' ? {} : { sweep: withSweepStatus(state.sweep, sweepStatus) }),
      ...(repeatStatus === null || repeatStatus.state === 'idle' ? {} : { repeat: withRepeatStatus(state.repeat, repeatStatus) }),
    }));
    // Attached during a run (a reload, a reconnect): the samples from before, so the charts are whole.
    if (runStatus !== null && runStatus.state !== 'idle') {
      const history = await attempt(ctx, 'run', () => api.call('run.samples', {}));
      if (history !== null) store.setState((state) => ({ live: withRunHistory(state.live, history) }));
    }
  }

  /** A repeat entry with its runs and verdicts, recomputed by the lab from the runs in the journal. */
  async function loadRepeat(id: string): Promise<void> {
    const view = await attempt(ctx, 'record', () => api.call('journal.repeat', { id }));
    if (view !== null) store.setState((state) => ({ repeat: { ...state.repeat, views: { ...state.repeat.views, [id]: view } } }));
  }

  return {
    ...server,
    ...runs,
    ...journal,
    ...comparing,
    ...saving,
    ...sweeps,
    readAll,
    navigate: (view: View) => store.setState({ view }),
    openExperiment: (id: string) => {
      store.setState({ view: { name: 'experiment', id } });
      void journal.loadExperiment(id);
    },
    openRepeat: (id: string) => {
      store.setState({ view: { name: 'repeat', id } });
      void loadRepeat(id);
    },
    loadRepeat,
    openRun: (id: string) => {
      store.setState({ view: { name: 'journal', runId: id } });
      void journal.loadRecord(id);
    },
    setServerForm: (patch: Partial<ServerForm>) => store.setState((state) => ({ serverForm: { ...state.serverForm, ...patch } })),
    setLoadDraft: (patch: Partial<LoadDraft>) => store.setState((state) => ({ loadDraft: { ...state.loadDraft, ...patch }, pasteOutcome: null })),
    setPresetLength: (presetLength: PresetLength) => store.setState({ presetLength }),
    applyPreset: (preset: Preset) =>
      store.setState((state) => ({
        serverForm: { ...state.serverForm, model: preset.server.model, workers: String(preset.server.workers), keepAlive: preset.server.keepAlive, closeSilently: preset.server.closeSilently },
        loadDraft: { ...state.loadDraft, ...presetDraft(preset, state.presetLength) },
        pasteOutcome: null,
      })),
    /** Fills the form from a pasted command line; `pasteOutcome` says what was read or what is wrong. */
    applyCommand: (text: string): void => {
      const parsed = parseCommandLine(text);
      store.setState((state) => ({ loadDraft: parsed.ok ? { ...state.loadDraft, ...parsed.changes } : state.loadDraft, pasteOutcome: parsed }));
    },
    clearPasteOutcome: () => store.setState({ pasteOutcome: null }),
    toggleSelect: (id: string) => store.setState((state) => ({ selection: toggleSelection(state.selection, id) })),
    setSelection: (ids: string[]) => store.setState({ selection: ids }),
    dismissError: (place: Place) => setError(ctx, place, null),
  };
}

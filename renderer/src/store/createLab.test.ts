import { describe, expect, it } from 'vitest';
import { LabError, type LabApi, type LabEventName, type LabEvents, type LabMethod, type LabParams, type LabResults, type RunStatus, type ServerStatus } from '../../../common/labApi.ts';
import { runHeaderOf } from '../../../common/runHeader.ts';
import { sampleMeasuredRecord } from '../../../common/testing/sampleRecords.ts';
import { createLab } from './createLab.ts';

type Handler = { [M in LabMethod]?: (params: LabParams<M>) => LabResults[M] | Promise<LabResults[M]> };

/** A lab answering from `handlers`, recording calls, and emitting events on demand. */
function fakeApi(handlers: Handler) {
  const calls: { method: LabMethod; params: unknown }[] = [];
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  const api: LabApi = {
    async call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabResults[M]> {
      calls.push({ method, params });
      const handler = handlers[method] as ((params: LabParams<M>) => LabResults[M] | Promise<LabResults[M]>) | undefined;
      if (handler === undefined) throw new LabError('failed', `${method}: not in this fake`);
      return handler(params);
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  const emit = <E extends LabEventName>(event: E, payload: LabEvents[E]): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: LabEvents[E]) => void)(payload);
  };
  return { api, calls, emit };
}

const stopped: ServerStatus = { state: 'stopped', settings: null, url: null, error: null };
const running: ServerStatus = { state: 'running', settings: { model: 'event-loop', workers: 4, keepAlive: true }, url: 'http://127.0.0.1:4000', error: null };
const idle: RunStatus = { state: 'idle', runId: null, params: null, startedAtMs: null };
const header = runHeaderOf(sampleMeasuredRecord);
const base: Handler = {
  'app.info': () => ({ version: '0.1.0', electron: null, node: 'v20', host: 'web', journalDir: '/tmp/j' }),
  'server.status': () => stopped,
  'run.status': () => idle,
  'journal.list': () => ({ runs: [header], problems: [] }),
  'run.unsaved': () => [],
};

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLab', () => {
  it('says when the connection is lost and reads everything again when it is back', async () => {
    const { api, calls } = fakeApi(base);
    const link: { tell: ((state: 'connected' | 'reconnecting') => void) | null } = { tell: null };
    const lab = createLab({
      ...api,
      onConnection: (listener) => {
        link.tell = listener;
        return () => {
          link.tell = null;
        };
      },
    });
    const stop = lab.start();
    await settle();
    expect(lab.store.getState().connection.state).toBe('ready');
    link.tell?.('reconnecting');
    expect(lab.store.getState().connection).toEqual({ state: 'reconnecting', message: 'Lost the connection to loadlab web; reconnecting…' });
    const before = calls.length;
    link.tell?.('connected');
    await settle();
    expect(lab.store.getState().connection.state).toBe('ready');
    expect(calls.slice(before).map((call) => call.method).sort()).toEqual(['app.info', 'journal.experiments', 'journal.list', 'repeat.status', 'run.status', 'run.unsaved', 'server.status', 'sweep.status']);
    stop();
    expect(link.tell).toBeNull();
  });

  it('keeps runs the journal did not take: listed on attach, added by run.saveFailed, gone once saved', async () => {
    const kept = { runId: 'run-1', header, reason: 'EROFS: read-only file system', fallbackPath: '/tmp/loadlab-unsaved-runs/x.json', fallbackError: null };
    const { api, emit, calls } = fakeApi({ ...base, 'run.unsaved': () => [kept], 'run.retrySave': () => header });
    const lab = createLab(api);
    lab.start();
    await settle();
    expect(lab.store.getState().unsaved).toEqual([kept]);
    const other = { ...kept, runId: 'run-2', header: { ...header, id: 'other' } };
    emit('run.saveFailed', other);
    expect(lab.store.getState().unsaved.map((run) => run.header.id)).toEqual([header.id, 'other']);
    await lab.actions.retrySave(header.id);
    expect(calls.at(-1)).toEqual({ method: 'run.retrySave', params: { id: header.id } });
    emit('run.unsavedChanged', { unsaved: [other] });
    expect(lab.store.getState().unsaved).toEqual([other]);
  });

  it('reads the first state', async () => {
    const { api } = fakeApi(base);
    const lab = createLab(api);
    lab.start();
    await settle();
    const state = lab.store.getState();
    expect(state.connection.state).toBe('ready');
    expect(state.journal.runs).toEqual([header]);
    expect(state.appInfo?.journalDir).toBe('/tmp/j');
  });

  it('Run starts the built-in server with the panel’s settings first, then the run', async () => {
    const { api, calls } = fakeApi({ ...base, 'server.start': () => running, 'run.start': () => ({ state: 'running', runId: 'r1', params: null, startedAtMs: 1 }) });
    const lab = createLab(api);
    lab.start();
    await settle();
    await lab.actions.startRun();
    expect(calls.map((call) => call.method).filter((method) => method.startsWith('server.start') || method.startsWith('run.start'))).toEqual(['server.start', 'run.start']);
    expect(calls.find((call) => call.method === 'server.start')?.params).toEqual({ model: 'event-loop', workers: 4, port: 0, keepAlive: true, closeSilently: false, tls: false });
    expect(lab.store.getState().live?.runId).toBe('r1');
  });

  it('a refused run is filed under "run"; a blocking check does not reach the lab', async () => {
    const { api, calls } = fakeApi({ ...base, 'server.status': () => running, 'run.start': () => Promise.reject(new LabError('busy', 'a run is already going')) });
    const lab = createLab(api);
    lab.start();
    await settle();
    await lab.actions.startRun();
    expect(lab.store.getState().errors.run).toBe('a run is already going');
    lab.actions.setLoadDraft({ threads: '8', connections: '2' });
    await lab.actions.startRun();
    expect(lab.store.getState().errors.run).toMatch(/Fewer connections \(2\) than threads \(8\)/);
    expect(calls.filter((call) => call.method === 'run.start')).toHaveLength(1);
  });

  it('events feed the live run; a failure is shown where runs are', async () => {
    const { api, emit } = fakeApi(base);
    const lab = createLab(api);
    lab.start();
    await settle();
    emit('run.status', { state: 'running', runId: 'r2', params: null, startedAtMs: 5 });
    emit('run.failed', { runId: 'r2', message: 'worker died' });
    expect(lab.store.getState().live?.outcome).toEqual({ kind: 'failed', message: 'worker died' });
    expect(lab.store.getState().errors.run).toBe('The run failed: worker died');
  });

  it('delete then undo', async () => {
    const { api, calls } = fakeApi({ ...base, 'journal.delete': ({ id }) => ({ id }), 'journal.restore': () => header });
    const lab = createLab(api);
    lab.start();
    await settle();
    lab.actions.toggleSelect(header.id);
    await lab.actions.deleteRun(header.id);
    expect(lab.store.getState().journal.runs).toEqual([]);
    expect(lab.store.getState().selection).toEqual([]);
    expect(lab.store.getState().deleted).toEqual({ id: header.id, title: header.title });
    await lab.actions.undoDelete();
    expect(lab.store.getState().journal.runs).toEqual([header]);
    expect(lab.store.getState().deleted).toBeNull();
    expect(calls.map((call) => call.method)).toContain('journal.restore');
  });

  it('import: the files as text, the list refreshed before the summary shows', async () => {
    let listed = 0;
    const { api, calls } = fakeApi({
      ...base,
      'journal.list': () => ({ runs: listed++ === 0 ? [] : [header], problems: [] }),
      'journal.import': () => ({ added: [header], existing: [], refused: [], errors: [], warnings: [] }),
    });
    const lab = createLab(api);
    lab.start();
    await settle();
    await lab.actions.importFiles([new File(['wrk output'], 'a.txt')]);
    expect(calls.find((call) => call.method === 'journal.import')?.params).toEqual({ files: [{ name: 'a.txt', text: 'wrk output' }] });
    expect(lab.store.getState().journal.runs).toEqual([header]);
    expect(lab.store.getState().importSummary?.added).toEqual([header]);
  });

  it('a pasted command fills the form; a bad one says why and leaves it', async () => {
    const { api } = fakeApi(base);
    const lab = createLab(api);
    lab.actions.applyCommand('wrk -t12 -c400 -d30s -R1000 http://localhost:7878/');
    expect(lab.store.getState().loadDraft).toMatchObject({ threads: '12', connections: '400', targetKind: 'url' });
    lab.actions.applyCommand('wrk -x');
    expect(lab.store.getState().pasteOutcome?.ok).toBe(false);
    expect(lab.store.getState().loadDraft.threads).toBe('12');
    lab.actions.setLoadDraft({ threads: '2' });
    expect(lab.store.getState().pasteOutcome).toBeNull();
  });
});

// The journal: list, open, edit, delete with undo, import, export.
import type { ExportFormat } from '../../../../common/labApi.ts';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { downloadFiles } from '../../export/download.ts';
import type { CompareGroup } from '../groupRuns.ts';
import { attempt, setBusy, setError, type ActionContext } from './context.ts';

/** Full records kept in memory for run pages and comparisons. */
const RECORDS_KEPT = 30;

export interface RunPatch {
  title?: string;
  notes?: string;
  tags?: string[];
}

export function journalActions(ctx: ActionContext) {
  const { api, store } = ctx;

  function keepRecord(record: RunRecord): void {
    store.setState((state) => {
      const others = Object.entries(state.records).filter(([id]) => id !== record.id);
      return { records: Object.fromEntries([...others.slice(Math.max(0, others.length - RECORDS_KEPT + 1)), [record.id, record]]) };
    });
  }

  async function refreshJournal(): Promise<void> {
    const listing = await attempt(ctx, 'journal', () => api.call('journal.list', {}));
    if (listing !== null) store.setState({ journal: { runs: listing.runs, problems: listing.problems, loaded: true } });
    await refreshExperiments();
  }

  async function refreshExperiments(): Promise<void> {
    const listing = await attempt(ctx, 'journal', () => api.call('journal.experiments', {}));
    if (listing !== null) store.setState((state) => ({ experiments: { ...state.experiments, list: listing.experiments, loaded: true } }));
  }

  async function loadExperiment(id: string): Promise<void> {
    const view = await attempt(ctx, 'record', () => api.call('journal.experiment', { id }));
    if (view !== null) store.setState((state) => ({ experiments: { ...state.experiments, views: { ...state.experiments.views, [id]: view } } }));
  }

  async function loadRecord(id: string, force = false): Promise<RunRecord | null> {
    const cached = store.getState().records[id];
    if (cached !== undefined && !force) return cached;
    const record = await attempt(ctx, 'record', () => api.call('journal.get', { id }));
    if (record !== null) keepRecord(record);
    return record;
  }

  async function updateRun(id: string, patch: RunPatch): Promise<boolean> {
    const header = await attempt(ctx, 'update', () => api.call('journal.update', { id, patch }));
    if (header === null) return false;
    const record = store.getState().records[id];
    if (record !== undefined) keepRecord({ ...record, ...patch });
    store.setState((state) => ({ journal: { ...state.journal, runs: state.journal.runs.map((run) => (run.id === id ? header : run)) } }));
    return true;
  }

  async function deleteRun(id: string): Promise<void> {
    const title = store.getState().journal.runs.find((run) => run.id === id)?.title ?? id;
    const done = await attempt(ctx, 'delete', () => api.call('journal.delete', { id }));
    if (done === null) return;
    store.setState((state) => ({
      deleted: { id, title },
      selection: state.selection.filter((selected) => selected !== id),
      view: state.view.name === 'journal' && state.view.runId === id ? { name: 'journal', runId: null } : state.view,
      journal: { ...state.journal, runs: state.journal.runs.filter((run) => run.id !== id) },
    }));
  }

  async function undoDelete(): Promise<void> {
    const deleted = store.getState().deleted;
    if (deleted === null) return;
    const header = await attempt(ctx, 'delete', () => api.call('journal.restore', { id: deleted.id }));
    if (header === null) return;
    store.setState((state) => ({ deleted: null, journal: { ...state.journal, runs: [header, ...state.journal.runs.filter((run) => run.id !== header.id)] } }));
  }

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setBusy(ctx, 'import', true);
    try {
      const texts = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
      const summary = await attempt(ctx, 'import', () => api.call('journal.import', { files: texts }));
      // The list first, so every run the summary names can be opened at once.
      if (summary !== null && summary.added.length > 0) await refreshJournal();
      if (summary !== null) store.setState({ importSummary: summary });
    } finally {
      setBusy(ctx, 'import', false);
    }
  }

  /** `groups`: the comparison's grouping as the person chose it on screen; none, each run alone. */
  async function exportRuns(ids: readonly string[], format: ExportFormat, groups: readonly CompareGroup[] = []): Promise<void> {
    if (ids.length === 0) return;
    setBusy(ctx, 'export', true);
    try {
      const result = await attempt(ctx, 'export', () => api.call('journal.export', { ids: [...ids], format, groups: groups.map((group) => ({ label: group.label, ids: [...group.ids] })) }));
      if (result !== null) downloadFiles(result.files);
      if (result !== null && result.skipped.length > 0) setError(ctx, 'export', `Left out ${result.skipped.map((run) => `${run.id} (${run.reason})`).join('; ')}; the other runs were exported.`);
    } finally {
      setBusy(ctx, 'export', false);
    }
  }

  return { refreshJournal, refreshExperiments, loadExperiment, loadRecord, updateRun, deleteRun, undoDelete, importFiles, exportRuns, dismissImport: () => store.setState({ importSummary: null }), dismissDeleted: () => store.setState({ deleted: null }) };
}

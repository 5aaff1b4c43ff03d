// Sweeps in Compare and their exports: which sweeps are overlaid (their views read from the lab),
// and one sweep's report as downloads.
import type { SweepExportFormat } from '../../../../common/labApi.ts';
import { downloadFiles } from '../../export/download.ts';
import { toggleSelection } from '../reducers.ts';
import { attempt, setBusy, setError, type ActionContext } from './context.ts';

/** As many sweeps as Compare's palette tells apart. */
export const SWEEP_COMPARE_MAX = 6;

export function sweepActions(ctx: ActionContext, loadExperiment: (id: string) => Promise<void>) {
  const { api, store } = ctx;

  function loadMissing(ids: readonly string[]): void {
    const views = store.getState().experiments.views;
    for (const id of ids) if (views[id] === undefined) void loadExperiment(id);
  }

  return {
    toggleSweepPick(id: string): void {
      const picks = store.getState().sweepPicks;
      if (!picks.includes(id) && picks.length >= SWEEP_COMPARE_MAX) {
        setError(ctx, 'compare', `Compare overlays at most ${SWEEP_COMPARE_MAX} sweeps: remove one first.`);
        return;
      }
      store.setState({ sweepPicks: toggleSelection(picks, id) });
      loadMissing(store.getState().sweepPicks);
    },
    /** Opens Compare with these sweeps overlaid (the runs picked stay picked). */
    compareSweeps(ids: readonly string[]): void {
      store.setState({ sweepPicks: [...new Set(ids)].slice(0, SWEEP_COMPARE_MAX), view: { name: 'compare' } });
      loadMissing(store.getState().sweepPicks);
    },
    async exportExperiment(id: string, format: SweepExportFormat): Promise<void> {
      setBusy(ctx, 'export', true);
      try {
        const result = await attempt(ctx, 'export', () => api.call('journal.exportExperiment', { id, format }));
        if (result !== null) downloadFiles(result.files);
      } finally {
        setBusy(ctx, 'export', false);
      }
    },
  };
}

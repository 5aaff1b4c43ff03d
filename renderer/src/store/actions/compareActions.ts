// Comparing picked runs: their records for the overlays, the lab's table for the verdicts.
import type { CompareGroup } from '../groupRuns.ts';
import { attempt, setBusy, type ActionContext } from './context.ts';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

export function compareActions(ctx: ActionContext, loadRecord: (id: string) => Promise<unknown>) {
  const { api, store } = ctx;

  /** 2–6 groups of runs; the first is the baseline. */
  async function compare(groups: readonly CompareGroup[]): Promise<void> {
    if (groups.length < COMPARE_MIN || groups.length > COMPARE_MAX) return;
    setBusy(ctx, 'compare', true);
    try {
      await Promise.all(groups.flatMap((group) => group.ids).map((id) => loadRecord(id)));
      const result = await attempt(ctx, 'compare', () => api.call('compare', { groups: groups.map((group) => ({ label: group.label, ids: group.ids })) }));
      if (result !== null) store.setState({ comparison: { groups: [...groups], result } });
    } finally {
      setBusy(ctx, 'compare', false);
    }
  }

  return { compare };
}

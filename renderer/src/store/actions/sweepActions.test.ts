import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { LabError, type LabApi } from '../../../../common/labApi.ts';
import { initialState, type LabState } from '../state.ts';
import { SWEEP_COMPARE_MAX, sweepActions } from './sweepActions.ts';

function setup() {
  const store = createStore<LabState>(() => initialState);
  const loaded: string[] = [];
  const api: LabApi = {
    call: async (method) => {
      throw new LabError('not-found', `${method}: no experiment nope in the journal`);
    },
    on: () => () => undefined,
  };
  const actions = sweepActions({ api, store }, async (id) => {
    loaded.push(id);
  });
  return { store, actions, loaded };
}

describe('sweepActions', () => {
  it('picks and unpicks sweeps in order, reading each view once', () => {
    const { store, actions, loaded } = setup();
    actions.toggleSweepPick('a');
    actions.toggleSweepPick('b');
    expect(store.getState().sweepPicks).toEqual(['a', 'b']);
    actions.toggleSweepPick('a');
    expect(store.getState().sweepPicks).toEqual(['b']);
    expect(new Set(loaded)).toEqual(new Set(['a', 'b']));
  });

  it('refuses a seventh sweep with a message instead of dropping one', () => {
    const { store, actions } = setup();
    for (let i = 0; i < SWEEP_COMPARE_MAX; i++) actions.toggleSweepPick(`s${i}`);
    actions.toggleSweepPick('one-too-many');
    expect(store.getState().sweepPicks).toHaveLength(SWEEP_COMPARE_MAX);
    expect(store.getState().errors.compare).toMatch(/at most 6 sweeps/);
  });

  it('compareSweeps opens Compare with those sweeps; a failed export says why', async () => {
    const { store, actions } = setup();
    actions.compareSweeps(['x', 'y', 'x']);
    expect(store.getState().view).toEqual({ name: 'compare' });
    expect(store.getState().sweepPicks).toEqual(['x', 'y']);
    await actions.exportExperiment('nope', 'html');
    expect(store.getState().errors.export).toMatch(/no experiment nope/);
    expect(store.getState().busy.export).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { RepeatRunView, RepeatStatus, RepeatView } from '../../../common/labApi.ts';
import { initialRepeat, withRepeatFailed, withRepeatFinished, withRepeatRun, withRepeatStatus } from './repeat.ts';

const going: RepeatStatus = { state: 'running', repeatId: 'rep-1', params: null, groups: ['event-loop'], total: 3, runs: [], current: { position: 0, group: 0 } };
const run = (order: number): RepeatRunView => ({ order, group: 0, header: { id: `r${order}` } as RepeatRunView['header'] });

describe('repeat store', () => {
  it('adds runs of the repeat going, in order, and ignores stale ones', () => {
    let state = withRepeatStatus(initialRepeat, going);
    state = withRepeatRun(state, { repeatId: 'rep-1', run: run(1) });
    state = withRepeatRun(state, { repeatId: 'rep-1', run: run(0) });
    state = withRepeatRun(state, { repeatId: 'old', run: run(2) });
    expect(state.status.runs.map((r) => r.order)).toEqual([0, 1]);
    expect(state.status.current).toBeNull();
  });

  it('keeps the runs shown after the end, and the view by its entry id when saved', () => {
    let state = withRepeatRun(withRepeatStatus(initialRepeat, going), { repeatId: 'rep-1', run: run(0) });
    state = withRepeatStatus(state, { ...going, state: 'idle', repeatId: null, runs: [] });
    expect(state.status.runs).toHaveLength(1);
    const view = { experiment: { id: 'r0-repeat' }, runs: [run(0)], comparison: null, spread: null, missing: [] } as unknown as RepeatView;
    state = withRepeatFinished(state, { repeatId: 'rep-1', view, saveError: null });
    expect(state.views['r0-repeat']).toBe(view);
    expect(state.outcome).toMatchObject({ repeatId: 'rep-1', saveError: null });
    // A new repeat clears the last outcome.
    expect(withRepeatStatus(state, { ...going, repeatId: 'rep-2' }).outcome).toBeNull();
  });

  it('says why a repeat failed', () => {
    const state = withRepeatFailed(withRepeatStatus(initialRepeat, going), { repeatId: 'rep-1', message: 'the load threads died' });
    expect(state.outcome).toEqual({ repeatId: 'rep-1', failed: 'the load threads died' });
    expect(state.status.state).toBe('idle');
  });
});

// Runs: the form checked and sent, the built-in server made to match first, stop.
import type { RunTarget } from '../../../../common/labApi.ts';
import { checkParams } from '../../loadForm/checks.ts';
import { toRunParams } from '../../loadForm/toRunParams.ts';
import { toSweepParams } from '../../loadForm/toSweepParams.ts';
import { toRepeatParams } from '../../loadForm/toRepeatParams.ts';
import { withRepeatStatus } from '../repeat.ts';
import { withSweepStatus } from '../sweep.ts';
import { withRunStatus } from '../reducers.ts';
import { latencyEstimateFor } from '../selectors.ts';
import { attempt, setBusy, setError, type ActionContext } from './context.ts';

export function runActions(ctx: ActionContext, ensureServer: () => Promise<boolean>) {
  const { api, store } = ctx;

  /** A URL target is tried first (one connection, 1 s); `insist` runs even when it refused. */
  async function startRun(options: { insist?: boolean } = {}): Promise<void> {
    const state = store.getState();
    if (state.run.state !== 'idle' || state.sweep.status.state !== 'idle' || state.repeat.status.state !== 'idle' || state.busy.run === true) return;
    if (state.loadDraft.mode === 'sweep') return startSweep(options);
    // The Repeat box shows (and counts) in rate and max modes only.
    if ((state.loadDraft.mode === 'rate' || state.loadDraft.mode === 'max') && state.loadDraft.repeat.trim() !== '1') return startRepeat(options);
    const form = toRunParams(state.loadDraft);
    if (!form.ok) {
      setError(ctx, 'run', form.problems.map((problem) => problem.message).join('; '));
      return;
    }
    const blocking = checkParams(form.params, latencyEstimateFor(state, form.params)).filter((finding) => finding.level === 'block');
    if (blocking.length > 0) {
      setError(ctx, 'run', blocking.map((finding) => finding.message).join(' '));
      return;
    }
    setBusy(ctx, 'run', true);
    try {
      if (!(await targetReady(form.params.target, options.insist === true))) return;
      const status = await attempt(ctx, 'run', () => api.call('run.start', form.params));
      // The run.status event usually arrives first; the result is the same status.
      if (status !== null && store.getState().run.runId !== status.runId) store.setState((current) => withRunStatus(current, status));
    } finally {
      setBusy(ctx, 'run', false);
    }
  }

  /**
   * Before a run or a sweep: the built-in server started when it is the target, a URL target
   * checked for a listener (unless the person insists). False when the load must not start; the
   * page then says why.
   */
  async function targetReady(target: RunTarget, insist: boolean): Promise<boolean> {
    if (target.kind === 'builtin' && !(await ensureServer())) {
      setError(ctx, 'run', 'The built-in server did not start; see the server panel.');
      return false;
    }
    if (!insist && target.kind === 'url') {
      const check = await attempt(ctx, 'run', () => api.call('target.check', { target }));
      if (check === null) return false;
      if (!check.reachable) {
        store.setState({ unreachable: { url: check.url, message: check.message } });
        return false;
      }
    }
    store.setState({ unreachable: null });
    return true;
  }

  /** A sweep: its steps are runs, so the live view shows the step going; the curve grows from sweep.step. */
  async function startSweep(options: { insist?: boolean }): Promise<void> {
    await startSeries(toSweepParams(store.getState().loadDraft), options.insist === true, async (params) => {
      const status = await attempt(ctx, 'run', () => api.call('sweep.start', params));
      if (status !== null && store.getState().sweep.status.sweepId !== status.sweepId) store.setState((current) => ({ sweep: withSweepStatus(current.sweep, status) }));
    });
  }

  /** Repeats (the Repeat box): each run is a run, so the live view shows the one going; the list grows from repeat.run. */
  async function startRepeat(options: { insist?: boolean }): Promise<void> {
    const state = store.getState();
    const form = toRepeatParams(state.loadDraft, state.serverForm.model);
    if (form === null) return;
    await startSeries(form, options.insist === true, async (params) => {
      const status = await attempt(ctx, 'run', () => api.call('repeat.start', params));
      if (status !== null && store.getState().repeat.status.repeatId !== status.repeatId) store.setState((current) => ({ repeat: withRepeatStatus(current.repeat, status) }));
    });
  }

  /**
   * A sweep or repeats, once its form is read: the form's problems shown, else (busy meanwhile) the
   * target made ready and `start` called with the params.
   */
  async function startSeries<P extends { target: RunTarget }>(
    form: { ok: true; params: P } | { ok: false; problems: ReadonlyArray<{ message: string }> },
    insist: boolean,
    start: (params: P) => Promise<void>,
  ): Promise<void> {
    if (!form.ok) {
      setError(ctx, 'run', form.problems.map((problem) => problem.message).join('; '));
      return;
    }
    setBusy(ctx, 'run', true);
    try {
      if (!(await targetReady(form.params.target, insist))) return;
      await start(form.params);
    } finally {
      setBusy(ctx, 'run', false);
    }
  }

  async function stopRun(): Promise<void> {
    if (store.getState().repeat.status.state === 'running') {
      await attempt(ctx, 'run', () => api.call('repeat.stop', {}));
      return;
    }
    if (store.getState().sweep.status.state === 'running') {
      await attempt(ctx, 'run', () => api.call('sweep.stop', {}));
      return;
    }
    if (store.getState().run.state !== 'running') return;
    await attempt(ctx, 'run', () => api.call('run.stop', {}));
  }

  return { startRun, stopRun, dismissUnreachable: () => store.setState({ unreachable: null }) };
}

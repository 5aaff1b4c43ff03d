// Lab events into the store. Returns a function that unsubscribes them all.
import type { LabApi } from '../../../common/labApi.ts';
import type { StoreApi } from 'zustand/vanilla';
import { withRunFailed, withRunFinished, withRunSample, withRunStatus, withTelemetry } from './reducers.ts';
import type { LabState } from './state.ts';
import { withUnsavedRun } from './unsaved.ts';
import { idleSweep, withSweepFailed, withSweepFinished, withSweepStatus, withSweepStep } from './sweep.ts';
import { initialRepeat, withRepeatFailed, withRepeatFinished, withRepeatRun, withRepeatStatus } from './repeat.ts';

export interface EventHooks {
  /** After a save, update, delete, restore or import anywhere (this window or another). */
  journalChanged(reason: string): void;
}

export function bindLabEvents(api: LabApi, store: StoreApi<LabState>, hooks: EventHooks): () => void {
  const offs = [
    api.on('server.status', (status) => store.setState({ server: status })),
    api.on('server.telemetry', (sample) => store.setState((state) => withTelemetry(state, sample))),
    api.on('run.status', (status) => store.setState((state) => withRunStatus(state, status))),
    api.on('run.sample', (sample) => store.setState((state) => ({ live: withRunSample(state.live, sample) }))),
    api.on('run.finished', ({ runId, header }) => store.setState((state) => ({ live: withRunFinished(state.live, runId, header) }))),
    api.on('run.failed', ({ runId, message }) =>
      store.setState((state) => ({ live: withRunFailed(state.live, runId, message), errors: { ...state.errors, run: `The run failed: ${message}` } })),
    ),
    // The run was measured but not saved: the record is kept (banner with Retry and Download).
    api.on('run.saveFailed', (run) =>
      store.setState((state) => ({
        unsaved: withUnsavedRun(state.unsaved, run),
        live: withRunFailed(state.live, run.runId, `measured, but the journal did not save it (${run.reason}). The record is kept: see the notice above.`),
      })),
    ),
    api.on('run.unsavedChanged', ({ unsaved }) => store.setState({ unsaved })),
    // One experiment panel at a time in the Lab: a sweep that starts hides the last repeats, and back.
    api.on('sweep.status', (status) =>
      store.setState((state) => ({ sweep: withSweepStatus(state.sweep, status), ...(status.state === 'idle' ? {} : { repeat: { ...initialRepeat, views: state.repeat.views } }) })),
    ),
    api.on('sweep.step', (event) => store.setState((state) => ({ sweep: withSweepStep(state.sweep, event) }))),
    api.on('sweep.finished', (event) => store.setState((state) => ({ sweep: withSweepFinished(state.sweep, event) }))),
    api.on('sweep.failed', (event) =>
      store.setState((state) => ({ sweep: withSweepFailed(state.sweep, event), errors: { ...state.errors, run: `The sweep failed: ${event.message}` } })),
    ),
    api.on('repeat.status', (status) =>
      store.setState((state) => ({ repeat: withRepeatStatus(state.repeat, status), ...(status.state === 'idle' ? {} : { sweep: { status: idleSweep, outcome: null } }) })),
    ),
    api.on('repeat.run', (event) => store.setState((state) => ({ repeat: withRepeatRun(state.repeat, event) }))),
    api.on('repeat.finished', (event) => store.setState((state) => ({ repeat: withRepeatFinished(state.repeat, event) }))),
    api.on('repeat.failed', (event) =>
      store.setState((state) => ({ repeat: withRepeatFailed(state.repeat, event), errors: { ...state.errors, run: `The repeats failed: ${event.message}` } })),
    ),
    api.on('journal.changed', ({ reason }) => hooks.journalChanged(reason)),
  ];
  return () => {
    for (const off of offs) off();
  };
}

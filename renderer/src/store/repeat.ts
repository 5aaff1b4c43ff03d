// The repeat going now (or the last one) in the store, and repeat entries read from the journal:
// pure updates from the lab's repeat events.
import type { LabEvents, RepeatStatus, RepeatView } from '../../../common/labApi.ts';

export interface RepeatState {
  status: RepeatStatus;
  /** The last repeat's end: its view with the verdicts, or why it failed; null while one goes. */
  outcome: { repeatId: string; view: RepeatView; saveError: string | null } | { repeatId: string; failed: string } | null;
  /** Repeat entries opened from the journal, by id. */
  views: Record<string, RepeatView>;
}

export const idleRepeat: RepeatStatus = { state: 'idle', repeatId: null, params: null, groups: [], total: 0, runs: [], current: null };

export const initialRepeat: RepeatState = { status: idleRepeat, outcome: null, views: {} };

/** A status replaces the last; a new repeat clears the last outcome. The idle status after the end keeps the runs shown. */
export function withRepeatStatus(repeat: RepeatState, status: RepeatStatus): RepeatState {
  if (status.state === 'idle') return { ...repeat, status: { ...repeat.status, state: 'idle', current: null } };
  const isNew = status.repeatId !== repeat.status.repeatId;
  return { ...repeat, status, outcome: isNew ? null : repeat.outcome };
}

/** A run of the repeat shown; runs of another repeat (a stale event) are ignored, a repeated one replaces its copy. */
export function withRepeatRun(repeat: RepeatState, event: LabEvents['repeat.run']): RepeatState {
  if (event.repeatId !== repeat.status.repeatId) return repeat;
  const runs = [...repeat.status.runs.filter((run) => run.order !== event.run.order), event.run].sort((a, b) => a.order - b.order);
  return { ...repeat, status: { ...repeat.status, runs, current: null } };
}

export function withRepeatFinished(repeat: RepeatState, event: LabEvents['repeat.finished']): RepeatState {
  const runs = repeat.status.repeatId === event.repeatId ? repeat.status.runs : event.view.runs;
  return {
    status: { ...repeat.status, state: 'idle', repeatId: event.repeatId, current: null, runs },
    outcome: event,
    views: event.saveError === null ? { ...repeat.views, [event.view.experiment.id]: event.view } : repeat.views,
  };
}

export function withRepeatFailed(repeat: RepeatState, event: LabEvents['repeat.failed']): RepeatState {
  return { ...repeat, status: { ...repeat.status, state: 'idle', current: null }, outcome: { repeatId: event.repeatId, failed: event.message } };
}

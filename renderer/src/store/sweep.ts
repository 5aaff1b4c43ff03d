// The sweep going now (or the last one) in the store: pure updates from the lab's sweep events.
import type { LabEvents, SweepStatus, SweepView } from '../../../common/labApi.ts';

export interface SweepState {
  status: SweepStatus;
  /** The last sweep's end: its view with the knee, or why it failed; null while one goes. */
  outcome: { sweepId: string; view: SweepView; saveError: string | null } | { sweepId: string; failed: string } | null;
}

export const idleSweep: SweepStatus = { state: 'idle', sweepId: null, params: null, plannedRatesPerSec: [], steps: [], current: null };

/** A status replaces the last; a new sweep clears the last outcome. The idle status after the end keeps the steps shown. */
export function withSweepStatus(sweep: SweepState, status: SweepStatus): SweepState {
  if (status.state === 'idle') return { ...sweep, status: { ...sweep.status, state: 'idle', current: null } };
  const isNew = status.sweepId !== sweep.status.sweepId;
  return { status, outcome: isNew ? null : sweep.outcome };
}

/** A step of the sweep shown; steps of another sweep (a stale event) are ignored, a repeated one replaces its copy. */
export function withSweepStep(sweep: SweepState, event: LabEvents['sweep.step']): SweepState {
  if (event.sweepId !== sweep.status.sweepId) return sweep;
  const steps = [...sweep.status.steps.filter((step) => step.order !== event.step.order), event.step].sort((a, b) => a.order - b.order);
  return { ...sweep, status: { ...sweep.status, steps, current: null } };
}

export function withSweepFinished(sweep: SweepState, event: LabEvents['sweep.finished']): SweepState {
  return { status: { ...sweep.status, state: 'idle', sweepId: event.sweepId, current: null, steps: sweep.status.sweepId === event.sweepId ? sweep.status.steps : event.view.steps }, outcome: event };
}

export function withSweepFailed(sweep: SweepState, event: LabEvents['sweep.failed']): SweepState {
  return { status: { ...sweep.status, state: 'idle', current: null }, outcome: { sweepId: event.sweepId, failed: event.message } };
}

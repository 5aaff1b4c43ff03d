// Sweeps side by side: each one's label, knee, p99 at the knee and highest throughput, as Compare's
// table and `loadlab journal sweeps --compare` show them. Pure: a function of the sweeps' views.
import type { SweepLatencyFigure, SweepStepView, SweepView } from './labApi.ts';
import { sweepLabels } from './sweepServer.ts';

/** Below this completion a step's figures leave out too much to be drawn as ordinary points. */
export const INCOMPLETE_BELOW = 0.99;

export interface SweepKneeRow {
  id: string;
  label: string;
  title: string;
  /** The knee's target rate; null when even the lowest step was not good. */
  kneePerSec: number | null;
  /** What the knee step achieved; null without a knee. */
  kneeAchievedPerSec: number | null;
  /** p99 at the knee step; null without a knee or when unknown. */
  kneeP99Us: number | null;
  kneeP99LowerBound: boolean;
  highestAchievedPerSec: number;
  steps: number;
  /** Steps that answered less than INCOMPLETE_BELOW of what they scheduled (or did not say). */
  incompleteSteps: number;
}

/** A step whose figures are not whole: completion below 99 % or unknown. */
export function isIncompleteStep(step: SweepStepView): boolean {
  return step.completion === null || step.completion < INCOMPLETE_BELOW;
}

/** A step's figure is drawn apart when it is a lower bound or its step is incomplete. */
export function isPartialFigure(step: SweepStepView, figure: SweepLatencyFigure): boolean {
  return isIncompleteStep(step) || step.lowerBounds.includes(figure);
}

export function kneeStep(view: SweepView): SweepStepView | null {
  if (view.kneePerSec === null) return null;
  return view.steps.find((step) => step.targetPerSec === view.kneePerSec) ?? null;
}

/** One row per sweep, in the order given, labelled by what tells them apart. */
export function sweepKneeRows(views: readonly SweepView[]): SweepKneeRow[] {
  const labels = sweepLabels(views.map((view) => ({ server: view.server, title: view.experiment.title, startedAt: view.experiment.startedAt })));
  return views.map((view, index) => {
    const knee = kneeStep(view);
    return {
      id: view.experiment.id,
      label: labels[index] ?? view.experiment.title,
      title: view.experiment.title,
      kneePerSec: view.kneePerSec,
      kneeAchievedPerSec: knee?.achievedPerSec ?? null,
      kneeP99Us: knee?.latencyUs.p99 ?? null,
      kneeP99LowerBound: knee?.lowerBounds.includes('p99') ?? false,
      highestAchievedPerSec: view.highestAchievedPerSec,
      steps: view.steps.length,
      incompleteSteps: view.steps.filter(isIncompleteStep).length,
    };
  });
}

// A sweep's steps and knee as the lab API carries them to a UI (common/labApi.ts SweepStepView):
// the figures the curve and the table show, read from each step's run record.
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import type { SweepLatencyFigure, SweepStepView, SweepView } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import { sweepServerFacts } from '../common/sweepServer.ts';
import { sloFigures } from './stepOutcome.ts';
import type { SweepResult, SweepStep } from './sweep.ts';

const FIGURES: readonly SweepLatencyFigure[] = ['p50', 'p90', 'p99', 'p999'];

export function sweepStepView(step: SweepStep): SweepStepView {
  const figures = sloFigures(step.record);
  return {
    order: step.order,
    kind: step.kind,
    header: runHeaderOf(step.record),
    targetPerSec: step.outcome.targetPerSec,
    achievedPerSec: step.outcome.achievedPerSec,
    completion: step.outcome.completion,
    errorsPct: step.outcome.errorsPct,
    latencyUs: { p50: figures.latencyUs.p50, p90: figures.latencyUs.p90, p99: figures.latencyUs.p99, p999: figures.latencyUs.p999 },
    lowerBounds: FIGURES.filter((figure) => figures.latencyLowerBounds.includes(figure)),
    good: step.judgement.good,
    gaveOut: step.judgement.gaveOut,
    reasons: step.judgement.reasons,
  };
}

/** The steps sorted by target rate, with the knee of the result. */
export function sweepView(experiment: ExperimentRecord, result: SweepResult, missing: string[]): SweepView {
  const inOrder = [...result.steps].sort((a, b) => a.order - b.order).map((step) => step.record);
  return {
    experiment,
    steps: result.steps.map(sweepStepView),
    kneePerSec: result.knee.kneePerSec,
    kneeSummary: result.knee.summary,
    highestAchievedPerSec: result.knee.highestAchievedPerSec,
    server: sweepServerFacts(inOrder),
    missing,
  };
}

// A sweep as a journal entry, and back: the experiment document written after a sweep, and the
// sweep's result recomputed from that document and its runs (the runs are the source of truth).
import type { ExperimentRecord, SweepPlanRecord } from '../common/experimentRecord.ts';
import { experimentHead } from './experimentHead.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { parseSlo } from '../common/slo.ts';
import { findKnee, judgeStep } from './knee.ts';
import { stepOutcome } from './stepOutcome.ts';
import type { SweepResult, SweepStep } from './sweep.ts';

export interface SweepEntryFacts {
  title: string;
  notes: string;
  tags: string[];
  plan: SweepPlanRecord;
}

/** The experiment document for a finished sweep; its id is derived from the first run's. */
export function sweepExperiment(result: SweepResult, facts: SweepEntryFacts): ExperimentRecord {
  const inOrder = [...result.steps].sort((a, b) => a.order - b.order);
  const first = inOrder[0]?.record;
  const last = inOrder[inOrder.length - 1]?.record;
  if (first === undefined || last === undefined) throw new RangeError('a sweep with no steps has nothing to keep');
  return {
    ...experimentHead('sweep', first, last, facts),
    plan: facts.plan,
    steps: inOrder.map((step) => ({ runId: step.record.id, targetPerSec: step.outcome.targetPerSec, kind: step.kind })),
    endedEarly: result.endedEarly?.reason ?? null,
    kneePerSec: result.knee.kneePerSec,
    kneeSummary: result.knee.summary,
  };
}

/** The sweep's steps, judgements and knee from its document and runs (missing runs named). */
export function sweepFromRecords(experiment: ExperimentRecord, runs: ReadonlyMap<string, RunRecord>): { result: SweepResult; missing: string[] } {
  const slo = experiment.plan.slo === null ? null : parseSlo(experiment.plan.slo);
  const thresholds = typeof slo === 'string' ? null : slo;
  const missing = experiment.steps.filter((step) => !runs.has(step.runId)).map((step) => step.runId);
  const present = experiment.steps
    .map((step, order) => ({ step, order, record: runs.get(step.runId) }))
    .filter((entry): entry is typeof entry & { record: RunRecord } => entry.record !== undefined);
  const firstOutcome = present[0] === undefined ? null : stepOutcome(present[0].record, thresholds);
  const lowestP99Us = firstOutcome === null || firstOutcome.p99IsLowerBound ? null : firstOutcome.p99Us;
  const steps: SweepStep[] = present
    .map(({ step, order, record }) => {
      const outcome = stepOutcome(record, thresholds);
      return { order, kind: step.kind, record, outcome, judgement: judgeStep(outcome, lowestP99Us, experiment.plan.errorLimitPct) };
    })
    .sort((a, b) => a.outcome.targetPerSec - b.outcome.targetPerSec);
  if (steps.length === 0) throw new RangeError(`none of the runs of sweep ${experiment.id} are in the journal`);
  const knee = findKnee(steps.map((step) => step.outcome), experiment.plan.errorLimitPct);
  const lastPlanned = experiment.steps.filter((step) => step.kind === 'step').at(-1)?.targetPerSec ?? 0;
  const endedEarly: SweepResult['endedEarly'] =
    experiment.endedEarly === null ? null : experiment.endedEarly === 'stopped' ? { reason: 'stopped' } : { reason: 'gave-out', atPerSec: lastPlanned };
  return { result: { steps, knee, endedEarly }, missing };
}

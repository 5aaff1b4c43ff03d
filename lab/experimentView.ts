// An experiment entry with its runs, as the journal page shows it: the steps and the knee are
// recomputed from the runs that are still in the journal; the others are named as missing.
import type { SweepView } from '../common/labApi.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { sweepFromRecords } from '../experiments/sweepRecord.ts';
import { sweepView } from '../experiments/stepView.ts';
import { JournalError } from '../journal/store/journal.ts';
import type { ExperimentStore } from '../journal/store/experiments.ts';

export async function experimentView(store: ExperimentStore, getRun: (id: string) => Promise<RunRecord>, id: string): Promise<SweepView> {
  const experiment = await store.get(id);
  const runs = new Map<string, RunRecord>();
  for (const step of experiment.steps) {
    try {
      runs.set(step.runId, await getRun(step.runId));
    } catch (error) {
      if (!(error instanceof JournalError && error.code === 'not-found')) throw error;
    }
  }
  const { result, missing } = sweepFromRecords(experiment, runs);
  return sweepView(experiment, result, missing);
}

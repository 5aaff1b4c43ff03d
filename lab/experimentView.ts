// An experiment entry with its runs, as the journal page shows it: the steps and the knee are
// recomputed from the runs that are still in the journal; the others are named as missing.
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import type { ExportedFile, SweepView } from '../common/labApi.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { exportSweep, type SweepExportFormat } from '../experiments/export/exportSweep.ts';
import { sweepFromRecords } from '../experiments/sweepRecord.ts';
import { sweepView } from '../experiments/stepView.ts';
import { JournalError } from '../journal/store/journal.ts';
import type { ExperimentStore } from '../journal/store/experiments.ts';

type GetRun = (id: string) => Promise<RunRecord>;

/** The entry and those of its runs still in the journal (a deleted run is left out, not an error). */
export async function experimentRuns(store: ExperimentStore, getRun: GetRun, id: string): Promise<{ experiment: ExperimentRecord; runs: Map<string, RunRecord> }> {
  const experiment = await store.get(id);
  const runs = new Map<string, RunRecord>();
  for (const step of experiment.steps) {
    try {
      runs.set(step.runId, await getRun(step.runId));
    } catch (error) {
      if (!(error instanceof JournalError && error.code === 'not-found')) throw error;
    }
  }
  return { experiment, runs };
}

export async function experimentView(store: ExperimentStore, getRun: GetRun, id: string): Promise<SweepView> {
  const { experiment, runs } = await experimentRuns(store, getRun, id);
  const { result, missing } = sweepFromRecords(experiment, runs);
  return sweepView(experiment, result, missing);
}

/** The sweep's export files (experiments/export/exportSweep.ts), the primary first. */
export async function exportExperiment(store: ExperimentStore, getRun: GetRun, id: string, format: SweepExportFormat): Promise<ExportedFile[]> {
  const { experiment, runs } = await experimentRuns(store, getRun, id);
  return exportSweep(experiment, runs, format);
}

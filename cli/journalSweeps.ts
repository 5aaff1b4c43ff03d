// `loadlab journal sweeps [ID]`: the sweeps in the journal, or one sweep's table and knee
// recomputed from its runs; `--compare ID ID…`: their knees side by side.
import { Command } from 'commander';
import type { SweepView } from '../common/labApi.ts';
import { sweepKneeRows } from '../common/sweepKnees.ts';
import { formatKneeTable } from '../experiments/sweepCompareTable.ts';
import { experimentView } from '../lab/experimentView.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { sweepFromRecords } from '../experiments/sweepRecord.ts';
import { formatSweepTable } from '../experiments/sweepTable.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { JournalError } from '../journal/store/journal.ts';
import { journalFrom } from './journalFrom.ts';
import { UsageError } from './numbers.ts';

export function sweepsCommand(): Command {
  return new Command('sweeps')
    .description('list the sweeps (loadlab sweep --save), or show one: its steps, the table and the knee')
    .argument('[id...]', 'a sweep id (several with --compare)')
    .option('--compare', 'the knees of the sweeps given side by side, each labelled by what tells them apart (model, profile, commit)', false)
    .action(async (ids: string[], flags: { compare: boolean }, command: Command) => {
      if (flags.compare ? ids.length < 2 : ids.length > 1) throw new UsageError(flags.compare ? '--compare takes two or more sweep ids' : 'give one sweep id (or --compare with several)');
      const journal = await journalFrom(command);
      const store = await openExperiments(journal.dir);
      if (flags.compare) {
        const views: SweepView[] = [];
        for (const id of ids) views.push(await experimentView(store, (runId) => journal.get(runId), id));
        process.stdout.write(formatKneeTable(sweepKneeRows(views)));
        for (const view of views) {
          for (const runId of view.missing) process.stderr.write(`loadlab: run ${runId} of sweep ${view.experiment.id} is not in the journal (deleted?); its knee is from the others\n`);
        }
        return;
      }
      const id = ids[0];
      if (id === undefined) {
        const { experiments, problems } = await store.list();
        for (const problem of problems) process.stderr.write(`loadlab: skipped ${problem.file}: ${problem.reason}\n`);
        if (experiments.length === 0) {
          process.stdout.write('no sweeps in the journal (loadlab sweep … --save keeps one)\n');
          return;
        }
        for (const experiment of experiments) {
          process.stdout.write(`${experiment.id}  ${experiment.startedAt.slice(0, 16).replace('T', ' ')}  ${experiment.steps.length} steps  ${experiment.title}\n    ${experiment.kneeSummary}\n`);
        }
        return;
      }
      const experiment = await store.get(id);
      const runs = new Map<string, RunRecord>();
      for (const step of experiment.steps) {
        try {
          runs.set(step.runId, await journal.get(step.runId));
        } catch (error) {
          if (!(error instanceof JournalError && error.code === 'not-found')) throw error;
        }
      }
      const { result, missing } = sweepFromRecords(experiment, runs);
      const { plan } = experiment;
      process.stdout.write(`# ${experiment.title}\n\nSweep @ ${plan.url}\n  ${plan.threads} threads and ${plan.connections} connections, ${plan.stepDurationMs / 1000}s steps${plan.slo === null ? '' : `, SLO ${plan.slo}`}\n`);
      process.stdout.write(formatSweepTable(result));
      process.stdout.write(`${result.knee.summary.replace(/^./, (first) => first.toUpperCase())}\n`);
      for (const runId of missing) process.stderr.write(`loadlab: run ${runId} of this sweep is not in the journal (deleted?); the table leaves it out\n`);
    });
}

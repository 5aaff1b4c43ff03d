// `loadlab journal sweeps [ID]`: the sweeps in the journal, or one sweep's table and knee
// recomputed from its runs.
import { Command } from 'commander';
import type { RunRecord } from '../common/runRecord.ts';
import { sweepFromRecords } from '../experiments/sweepRecord.ts';
import { formatSweepTable } from '../experiments/sweepTable.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { JournalError } from '../journal/store/journal.ts';
import { journalFrom } from './journalFrom.ts';

export function sweepsCommand(): Command {
  return new Command('sweeps')
    .description('list the sweeps (loadlab sweep --save), or show one: its steps, the table and the knee')
    .argument('[id]', 'a sweep id')
    .action(async (id: string | undefined, _flags: unknown, command: Command) => {
      const journal = await journalFrom(command);
      const store = await openExperiments(journal.dir);
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

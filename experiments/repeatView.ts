// A repeat (the Lab's Repeat box) as a journal entry and as a UI shows it: the entry written at the
// end, and its runs, comparison and spread recomputed from the run records (the source of truth).
import { compareGroups, groupSpread, type RunGroup } from '../common/compare.ts';
import type { RepeatExperimentRecord } from '../common/experimentRecord.ts';
import { experimentHead } from './experimentHead.ts';
import type { RepeatRunView, RepeatView } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import type { RunRecord } from '../common/runRecord.ts';

export interface RepeatEntryFacts {
  title: string;
  notes: string;
  tags: string[];
  plan: RepeatExperimentRecord['plan'];
  endedEarly: RepeatExperimentRecord['endedEarly'];
}

/** The entry for finished repeats; its id is derived from the first run's. */
export function repeatExperiment(runs: ReadonlyArray<{ record: RunRecord; group: number }>, facts: RepeatEntryFacts): RepeatExperimentRecord {
  const first = runs[0]?.record;
  const last = runs.at(-1)?.record;
  if (first === undefined || last === undefined) throw new RangeError('repeats with no runs have nothing to keep');
  return {
    ...experimentHead('repeat', first, last, facts),
    plan: facts.plan,
    runs: runs.map((run) => ({ runId: run.record.id, group: run.group })),
    endedEarly: facts.endedEarly,
  };
}

/**
 * The entry's runs that are still in the journal, and what they say: Compare's comparison when two
 * or more groups have runs (the first such group is the baseline), else the one group's spread.
 */
export function repeatView(experiment: RepeatExperimentRecord, records: ReadonlyMap<string, RunRecord>): RepeatView {
  const runs: RepeatRunView[] = [];
  const missing: string[] = [];
  const byGroup: RunRecord[][] = experiment.plan.groups.map(() => []);
  for (const [order, entry] of experiment.runs.entries()) {
    const record = records.get(entry.runId);
    if (record === undefined) {
      missing.push(entry.runId);
      continue;
    }
    runs.push({ order, group: entry.group, header: runHeaderOf(record) });
    byGroup[entry.group]?.push(record);
  }
  const groups: RunGroup[] = experiment.plan.groups.map((label, index) => ({ label, runs: byGroup[index] ?? [] })).filter((group) => group.runs.length > 0);
  const [only] = groups;
  return {
    experiment,
    runs,
    comparison: groups.length >= 2 ? compareGroups(groups) : null,
    spread: groups.length === 1 && only !== undefined ? groupSpread(only) : null,
    missing,
  };
}

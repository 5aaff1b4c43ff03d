// `loadlab sweep --repeat N URL`: the same sweep N times, one after another, each a complete
// sweep (saved as its own experiment with --save), then the knees side by side and one line with
// the knee's and the highest throughput's median and range — whether the knee is stable.
// sweep takes one target, so there is nothing to alternate: repeat i runs after repeat i−1.
import { sweepKneeRows, type SweepKneeRow } from '../common/sweepKnees.ts';
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { sweepView } from '../experiments/stepView.ts';
import type { SweepResult } from '../experiments/sweep.ts';
import { formatKneeTable } from '../experiments/sweepCompareTable.ts';
import { formatRepeatSummary, summariseRepeats } from '../experiments/sweepRepeatSummary.ts';
import { UsageError } from './numbers.ts';

export const MAX_SWEEP_REPEATS = 20;

/** The --repeat value checked: null without the flag, else 2 to MAX_SWEEP_REPEATS. */
export function sweepRepeatsOf(repeat: number | undefined): number | null {
  if (repeat === undefined) return null;
  if (!Number.isInteger(repeat) || repeat < 2 || repeat > MAX_SWEEP_REPEATS) {
    throw new UsageError(`--repeat takes 2 to ${MAX_SWEEP_REPEATS} sweeps, got ${repeat} (without --repeat the sweep runs once)`);
  }
  return repeat;
}

export interface RepeatedSweeps {
  url: string;
  repeats: number;
  /** Runs one whole sweep (`repeat` from 0); its steps are reported as they are measured. */
  sweepOnce(repeat: number): Promise<SweepResult<MeasuredRunRecord>>;
  /** The experiment entry of a sweep, titled and tagged as repeat `repeat` of the group `groupTag`. */
  experimentOf(result: SweepResult<MeasuredRunRecord>, repeat: number, groupTag: string): ExperimentRecord;
  /** Keeps the sweep's steps and entry (with --save); false when any of it could not be saved. Null without --save. */
  save: ((result: SweepResult<MeasuredRunRecord>, experiment: ExperimentRecord) => Promise<boolean>) | null;
  stopRequested(): boolean;
}

function capitalised(text: string): string {
  return text.replace(/^./, (first) => first.toUpperCase());
}

/**
 * Runs the repeats; returns the exit status (1 when a sweep failed or could not be saved). A sweep
 * stopped by Ctrl-C part-way is saved like a stopped single sweep (with --save) but left out of the
 * table and the summary: its knee is only as high as it got. The summary says how many of N ran.
 */
export async function runRepeatedSweeps(plan: RepeatedSweeps): Promise<number> {
  const rows: Array<SweepKneeRow & { kneeAtTop: boolean }> = [];
  let groupTag: string | null = null;
  let status = 0;
  let ending = '';
  for (let repeat = 0; repeat < plan.repeats; repeat++) {
    if (plan.stopRequested()) {
      ending = `stopped before repeat ${repeat + 1}`;
      break;
    }
    process.stderr.write(`loadlab: repeat ${repeat + 1} of ${plan.repeats}\n`);
    let result: SweepResult<MeasuredRunRecord>;
    try {
      result = await plan.sweepOnce(repeat);
    } catch (error) {
      process.stderr.write(`loadlab: repeat ${repeat + 1} of ${plan.repeats} failed: ${errorMessage(error)}\n`);
      ending = `repeat ${repeat + 1} failed`;
      status = 1;
      break;
    }
    const stopped = result.endedEarly?.reason === 'stopped';
    const first = result.steps.find((step) => step.order === 0)?.record;
    if (first === undefined) {
      ending = `stopped before repeat ${repeat + 1} measured a step`;
      break;
    }
    groupTag ??= `sweep-repeat-${first.id}`;
    const experiment = plan.experimentOf(result, repeat, groupTag);
    process.stderr.write(`loadlab: repeat ${repeat + 1} of ${plan.repeats}: ${result.knee.summary}\n`);
    const saved = plan.save === null ? true : await plan.save(result, experiment);
    if (!saved) status = 1;
    if (stopped) {
      ending = `repeat ${repeat + 1} stopped after ${result.steps.length} step${result.steps.length === 1 ? '' : 's'}${plan.save === null ? '' : ' (saved)'}, left out`;
      break;
    }
    const [row] = sweepKneeRows([sweepView(experiment, result, [])]);
    // Every step good: the knee column shows the top rate, which is only a lower bound.
    const kneeAtTop = result.knee.kneePerSec !== null && result.knee.firstBadIndex === null;
    if (row !== undefined) rows.push({ ...row, kneeAtTop, label: `repeat ${repeat + 1}${kneeAtTop ? ' (all good)' : ''}`, id: plan.save === null ? '-' : row.id });
  }

  process.stdout.write(`Sweep ×${plan.repeats} @ ${plan.url}\n`);
  if (rows.length > 0) process.stdout.write(formatKneeTable(rows));
  process.stdout.write(formatRepeatSummary(plan.url, summariseRepeats(rows, plan.repeats)));
  if (ending !== '') process.stdout.write(`${capitalised(ending)}.\n`);
  if (groupTag !== null && plan.save !== null) process.stderr.write(`loadlab: the repeats are tagged ${groupTag} (loadlab journal sweeps --compare ID ID…)\n`);
  return status;
}

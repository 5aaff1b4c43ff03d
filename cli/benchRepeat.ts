// `loadlab bench --repeat N URL [URL…]`: each target N times, alternating A B A B, a line per run,
// then the targets compared with verdicts that know the run-to-run noise.
import type { BenchConfig } from '../bench-runner/config.ts';
import { startRun } from '../bench-runner/run.ts';
import { compareGroups, type RunGroup } from '../common/compare.ts';
import { formatBounded, formatCompletion, headlineLatency, type BoundedValue } from '../common/censored.ts';
import { formatTimeUs } from '../common/format.ts';
import { totalErrors, type MeasuredRunRecord } from '../common/runRecord.ts';
import { runAlternating } from '../experiments/repeat.ts';
import { formatComparison } from './journalCompare.ts';
import { saveRun, type SaveFlags } from './saveToJournal.ts';
import { errorMessage } from '../common/errorMessage.ts';

export interface RepeatTarget {
  /** "A", "B", … as the table labels it. */
  label: string;
  config: BenchConfig;
}

function runLine(record: MeasuredRunRecord, target: RepeatTarget, position: number, total: number): string {
  const p99 = formatBounded(headlineLatency(record.summary, 'p99'), formatTimeUs, '?');
  return `loadlab: run ${position + 1}/${total}  ${target.label}  ${record.summary.reqPerSec.toFixed(1)} req/s  completion ${formatCompletion(record.summary.completion ?? null, '?')}  p99 ${p99}  errors ${totalErrors(record.summary.errors)}\n`;
}

/** Median and range of one target's runs when there is nothing to compare it with ("≥" where any run's figure is a bound). */
function formatSpread(label: string, runs: readonly MeasuredRunRecord[]): string {
  const rows: Array<[string, Array<BoundedValue>, (us: number) => string]> = [
    ['req/s', runs.map((run) => ({ valueUs: run.summary.reqPerSec, lowerBound: false })), (value) => value.toFixed(1)],
    ['p50', runs.map((run) => headlineLatency(run.summary, 'p50')), formatTimeUs],
    ['p99', runs.map((run) => headlineLatency(run.summary, 'p99')), formatTimeUs],
  ];
  const lines = rows.map(([metric, values, show]) => {
    const known = values.flatMap((value) => (value.valueUs === null ? [] : [value.valueUs])).sort((a, b) => a - b);
    if (known.length === 0) return `  ${metric.padEnd(6)} unknown`;
    const bound = values.some((value) => value.lowerBound) ? '≥' : '';
    const middle = known.length % 2 === 1 ? (known[(known.length - 1) / 2] ?? 0) : ((known[known.length / 2 - 1] ?? 0) + (known[known.length / 2] ?? 0)) / 2;
    return `  ${metric.padEnd(6)} median ${bound}${show(middle)}  range ${bound}${show(known[0] ?? 0)} – ${bound}${show(known[known.length - 1] ?? 0)}`;
  });
  return `${label}: ${runs.length} runs\n${lines.join('\n')}\n`;
}

export async function runRepeated(targets: readonly RepeatTarget[], repeats: number, save: SaveFlags): Promise<number> {
  const stop = { requested: false };
  const onInterrupt = (): void => {
    process.stderr.write('\nloadlab: stopping; the comparison covers the runs measured so far\n');
    stop.requested = true;
  };
  process.on('SIGINT', onInterrupt);
  for (const target of targets) process.stderr.write(`loadlab: ${target.label} = ${target.config.url}\n`);
  let result;
  try {
    result = await runAlternating(targets, repeats, {
      runOne: async (target, _round, position, total) => {
        const handle = startRun(target.config);
        const poll = setInterval(() => {
          if (stop.requested) handle.stop();
        }, 100);
        try {
          const record = await handle.result;
          process.stderr.write(runLine(record, target, position, total));
          return record;
        } finally {
          clearInterval(poll);
        }
      },
      stopRequested: () => stop.requested,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }

  const groups: RunGroup[] = targets.map((target, i) => ({ label: target.label, runs: result.runs[i] ?? [] })).filter((group) => group.runs.length > 0);
  if (groups.length >= 2) process.stdout.write(formatComparison(compareGroups(groups)));
  else for (const group of groups) process.stdout.write(formatSpread(group.label, result.runs[0] ?? []));

  if (!save.save) return 0;
  const firstId = result.runs[0]?.[0]?.id ?? 'run';
  let failures = 0;
  let saved = 0;
  for (const [i, target] of targets.entries()) {
    for (const record of result.runs[i] ?? []) {
      try {
        await saveRun(record, { ...save, tag: [...save.tag, `repeat-${firstId}`, `repeat-${target.label}`] });
        saved++;
      } catch (error) {
        failures++;
        process.stderr.write(`loadlab: could not save run ${record.id}: ${errorMessage(error)}\n`);
      }
    }
  }
  process.stderr.write(`loadlab: saved ${saved} runs in the journal, tagged repeat-${firstId}\n`);
  return failures > 0 ? 1 : 0;
}

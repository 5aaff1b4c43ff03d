// `loadlab journal compare`: the compare table in a terminal. Each id is a group of its own, the
// first the baseline; `--group "label=id,id,…"` makes groups of repeated runs, whose spread the
// verdicts take into account.
import { Command } from 'commander';
import { maxOf } from '../common/extent.ts';
import { compareGroups, formatGroupValue, type Comparison, type RunGroup } from '../common/compare.ts';
import { terminalBlock } from '../common/terminalText.ts';
import { journalFrom } from './journalFrom.ts';
import { UsageError } from './numbers.ts';

export interface GroupSpec {
  label: string;
  ids: string[];
}

/** "pool=a,b,c" → { label: "pool", ids: [a, b, c] }. */
export function parseGroupSpec(text: string): GroupSpec {
  const match = /^([^=]+)=(.+)$/.exec(text.trim());
  const ids = match?.[2]?.split(',').map((id) => id.trim()).filter((id) => id !== '') ?? [];
  if (match === null || ids.length === 0) throw new UsageError(`--group expects "label=id,id,…", got "${text}"`);
  return { label: (match[1] ?? '').trim(), ids };
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
}

/** Values by group, then one sentence per metric and group. */
export function formatComparison(comparison: Comparison): string {
  const labels = [comparison.baselineLabel, ...(comparison.metrics[0]?.others.map((other) => other.value.label) ?? [])];
  const rows = comparison.metrics.map((row) => [
    row.metric.label,
    ...[row.baseline, ...row.others.map((other) => other.value)].map((value) => {
      const shown = formatGroupValue(row.metric, value);
      return value.runs > 1 ? `${shown} (${value.knownRuns}/${value.runs} runs)` : shown;
    }),
  ]);
  const table = [['metric', ...labels], ...rows];
  const widths = table[0]?.map((_, column) => maxOf(table.map((row) => (row[column] ?? '').length), 0)) ?? [];
  const sentences = comparison.metrics.flatMap((row) => row.others.map((other) => `${other.value.label}: ${other.change.sentence}`));
  return `${table.map((row) => pad(row, widths)).join('\n')}\n\nAgainst ${comparison.baselineLabel} (median of each group's runs):\n${sentences.map((line) => `  ${line}`).join('\n')}\n`;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('compare runs: the first id (or --group) is the baseline; --group "label=id,id" makes a group of repeated runs')
    .argument('[id...]', 'run ids, each a group of its own')
    .option('--group <label=ids>', 'a group of repeated runs (repeatable)', (text: string, all: GroupSpec[]) => [...all, parseGroupSpec(text)], [])
    .action(async (ids: string[], flags: { group: GroupSpec[] }, command: Command) => {
      const specs = [...flags.group, ...ids.map((id) => ({ label: id, ids: [id] }))];
      if (specs.length < 2) throw new UsageError('compare needs at least two runs or groups');
      if (specs.length > 6) throw new UsageError(`compare takes at most 6 runs or groups, got ${specs.length}`);
      const journal = await journalFrom(command);
      const groups: RunGroup[] = [];
      for (const spec of specs) {
        const runs = [];
        for (const id of spec.ids) runs.push(await journal.get(id));
        groups.push({ label: spec.label, runs });
      }
      process.stdout.write(terminalBlock(formatComparison(compareGroups(groups))));
    });
}

// How exported runs are grouped for the comparison: as the person chose (Compare's "group by",
// `journal export --group`), and by default each run alone — never silently by tags, which once
// merged pool-shared and event-loop runs into one median (issue 11, item 4). Runs not in any given
// group are each a group of their own. Groups keep the order of their first run; the group of the
// first run is the baseline. Each run is named "#n" by its position, the name legends, tables and
// the "which runs each group holds" line use.
import type { RunRecord } from '../../common/runRecord.ts';
import type { RunGroup } from '../../common/compare.ts';
import { PALETTE, type ChartRun } from './charts.ts';

const MAX_NAME_CHARS = 40;

export function runName(record: RunRecord, index: number): string {
  const title = record.title.length > MAX_NAME_CHARS ? `${record.title.slice(0, MAX_NAME_CHARS - 1)}…` : record.title;
  return `#${index + 1} ${title}`;
}

/** A group the person made: a label and its runs' ids. */
export interface GroupSpec {
  label: string;
  ids: readonly string[];
}

export interface ExportGroups {
  groups: RunGroup[];
  /** Per group, a heading for tables: "#n title" for a run alone, else the group's label. */
  headings: string[];
  /** Per group, the "#n" names of its runs. */
  members: string[][];
  /** Every run in its group's colour (dashed once the palette has come round). */
  chartRuns: ChartRun[];
  /** True when every group holds one run (nothing was grouped). */
  eachRunAlone: boolean;
}

interface GroupEntry {
  group: RunGroup;
  heading: string;
  members: string[];
  colour: string;
  dashed: boolean;
}

/** Throws on a group naming a run not exported, or a run in two groups. */
export function groupRuns(records: readonly RunRecord[], specs: readonly GroupSpec[] = []): ExportGroups {
  const specOf = new Map<string, GroupSpec>();
  const exported = new Set(records.map((record) => record.id));
  for (const spec of specs) {
    for (const id of spec.ids) {
      if (!exported.has(id)) throw new Error(`group "${spec.label}" names ${id}, which is not among the runs exported`);
      const other = specOf.get(id);
      if (other !== undefined && other !== spec) throw new Error(`run ${id} is in two groups ("${other.label}" and "${spec.label}")`);
      specOf.set(id, spec);
    }
  }
  const byKey = new Map<GroupSpec | number, GroupEntry>();
  const chartRuns: ChartRun[] = [];
  records.forEach((record, index) => {
    const spec = specOf.get(record.id);
    const key = spec ?? index;
    let entry = byKey.get(key);
    if (entry === undefined) {
      const order = byKey.size;
      entry = {
        group: { label: spec === undefined ? `#${index + 1}` : spec.label, runs: [] },
        heading: spec === undefined ? runName(record, index) : spec.label,
        members: [],
        colour: PALETTE[order % PALETTE.length] ?? PALETTE[0],
        dashed: order >= PALETTE.length,
      };
      byKey.set(key, entry);
    }
    entry.group.runs.push(record);
    entry.members.push(`#${index + 1}`);
    chartRuns.push({ name: spec === undefined ? entry.heading : `${entry.heading} · ${runName(record, index)}`, colour: entry.colour, dashed: entry.dashed, record });
  });
  const entries = [...byKey.values()];
  return {
    groups: entries.map((entry) => entry.group),
    headings: entries.map((entry) => entry.heading),
    members: entries.map((entry) => entry.members),
    chartRuns,
    eachRunAlone: entries.every((entry) => entry.members.length === 1),
  };
}

/** One sentence saying how the runs were grouped and which runs each group holds. */
export function groupingText(grouping: ExportGroups): string {
  if (grouping.eachRunAlone) return 'Each run is a group of its own (no runs were grouped); the first is the baseline.';
  const parts = grouping.headings.map((heading, index) => {
    const members = grouping.members[index] ?? [];
    return members.length === 1 && heading.startsWith('#') ? heading : `${heading}: ${members.join(', ')}`;
  });
  return `Groups, each the median of its runs, the first the baseline: ${parts.join('; ')}.`;
}

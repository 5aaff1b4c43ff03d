// How exported runs are grouped for the comparison: runs with the same non-empty set of tags are
// repeated runs of one configuration (the user tags them, e.g. "pool-shared, -R1000") and form
// one group; a run without tags is a group of its own. Titles are not used: the default title is
// the URL, the same for every configuration against one server. Groups keep the order of their
// first run; the group of the first run is the baseline. Each run is named "#n" by its position,
// the name legends and tables use.
import type { RunRecord } from '../../common/runRecord.ts';
import type { RunGroup } from '../../common/compare.ts';
import { PALETTE, type ChartRun } from './charts.ts';

const MAX_NAME_CHARS = 40;

export function runName(record: RunRecord, index: number): string {
  const title = record.title.length > MAX_NAME_CHARS ? `${record.title.slice(0, MAX_NAME_CHARS - 1)}…` : record.title;
  return `#${index + 1} ${title}`;
}

export interface ExportGroups {
  groups: RunGroup[];
  /** Per group, a heading for tables: the tags, or "#n title" for a single untagged run. */
  headings: string[];
  /** Every run in its group's colour (dashed once the palette has come round). */
  chartRuns: ChartRun[];
}

interface GroupEntry {
  group: RunGroup;
  heading: string;
  colour: string;
  dashed: boolean;
}

export function groupRuns(records: readonly RunRecord[]): ExportGroups {
  const byKey = new Map<string, GroupEntry>();
  const chartRuns: ChartRun[] = [];
  records.forEach((record, index) => {
    const tags = [...new Set(record.tags)].sort();
    const key = tags.length === 0 ? `run:${index}` : `tags:${JSON.stringify(tags)}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      const order = byKey.size;
      const label = tags.length === 0 ? `#${index + 1}` : `[${tags.join(', ')}]`;
      entry = {
        group: { label, runs: [] },
        heading: tags.length === 0 ? runName(record, index) : label,
        colour: PALETTE[order % PALETTE.length] ?? PALETTE[0],
        dashed: order >= PALETTE.length,
      };
      byKey.set(key, entry);
    }
    entry.group.runs.push(record);
    chartRuns.push({ name: entry.heading, colour: entry.colour, dashed: entry.dashed, record });
  });
  const entries = [...byKey.values()];
  return { groups: entries.map((entry) => entry.group), headings: entries.map((entry) => entry.heading), chartRuns };
}

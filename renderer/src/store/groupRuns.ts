// Picked runs into compare groups: each run alone, or runs that share a server model or a tag
// set together (repeated runs give the verdict a spread to judge a change against).
import type { RunHeader } from '../../../common/runHeader.ts';

export type GroupBy = 'run' | 'model' | 'tags';

export interface CompareGroup {
  label: string;
  ids: string[];
}

/** The contract's limit on a group label. */
const MAX_LABEL = 200;

export function groupRuns(runs: readonly RunHeader[], by: GroupBy): CompareGroup[] {
  const groups = new Map<string, CompareGroup>();
  for (const run of runs) {
    const key = by === 'run' ? run.id : by === 'model' ? modelKey(run) : tagsKey(run);
    const label = by === 'run' ? run.title || run.id : key;
    const group = groups.get(key) ?? { label: clip(label), ids: [] };
    group.ids.push(run.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function modelKey(run: RunHeader): string {
  if (run.serverModel !== null) return run.serverModel;
  return run.sourceTool !== null ? `${run.sourceTool} import` : 'other server';
}

function tagsKey(run: RunHeader): string {
  return run.tags.length === 0 ? '(no tags)' : [...run.tags].sort().join(', ');
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

// Picked runs into compare groups: each run alone, or runs that share a server model, a server
// profile, a build (commit), a profile at a build, or a tag set together (repeated runs give the
// verdict a spread to judge a change against). "thread_pool3 at a1b2c3d vs own-channel at d4e5f6a"
// is grouping by profile and build.
import { buildKey, buildLabel, type RunHeader } from '../../../common/runHeader.ts';

export type GroupBy = 'run' | 'model' | 'profile' | 'build' | 'profile-build' | 'tags';

export interface CompareGroup {
  label: string;
  ids: string[];
}

/** The contract's limit on a group label. */
const MAX_LABEL = 200;

export function groupRuns(runs: readonly RunHeader[], by: GroupBy): CompareGroup[] {
  const groups = new Map<string, CompareGroup>();
  for (const run of runs) {
    const [key, label] = keyAndLabel(run, by);
    const group = groups.get(key) ?? { label: clip(label), ids: [] };
    group.ids.push(run.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function keyAndLabel(run: RunHeader, by: GroupBy): [string, string] {
  switch (by) {
    case 'run':
      return [run.id, run.title || run.id];
    case 'model':
      return same(modelKey(run));
    case 'tags':
      return same(tagsKey(run));
    case 'profile':
      return run.serverProfile === null ? same(modelKey(run)) : [`profile ${run.serverProfile}`, run.serverProfile];
    case 'build':
      return run.build === null ? same(`${serverKey(run)}, commit unknown`) : [`build ${buildKey(run.build)}`, buildLabel(run.build)];
    case 'profile-build': {
      const server = serverKey(run);
      return run.build === null ? same(`${server}, commit unknown`) : [`${server} at ${buildKey(run.build)}`, `${server} at ${buildLabel(run.build)}`];
    }
  }
}

function same(key: string): [string, string] {
  return [key, key];
}

/** The profile's name, else what modelKey says. */
function serverKey(run: RunHeader): string {
  return run.serverProfile ?? modelKey(run);
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

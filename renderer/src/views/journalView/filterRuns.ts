// The journal list's search and filters. Pure: headers and the filter in, the matching headers out.
import { buildKey, buildLabel, type RunHeader } from '../../../../common/runHeader.ts';

export interface RunFilter {
  /** Words that must all appear in the title, URL, model, tool, tags, id or notes (any case). */
  text: string;
  /** '' for any. */
  tag: string;
  /** '' for any; 'external' for runs not against the built-in server. */
  model: string;
  /** A server profile's name; '' for any. */
  profile: string;
  /** A build (buildKey: the commit, and "+dirty"); '' for any. */
  build: string;
}

export const noFilter: RunFilter = { text: '', tag: '', model: '', profile: '', build: '' };

export function filterRuns(runs: readonly RunHeader[], filter: RunFilter): RunHeader[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word !== '');
  return runs.filter((run) => {
    if (filter.tag !== '' && !run.tags.includes(filter.tag)) return false;
    if (filter.model === 'external' ? run.serverModel !== null : filter.model !== '' && run.serverModel !== filter.model) return false;
    if (filter.profile !== '' && run.serverProfile !== filter.profile) return false;
    if (filter.build !== '' && (run.build === null || buildKey(run.build) !== filter.build)) return false;
    if (words.length === 0) return true;
    const haystack = [run.title, run.url, run.serverModel ?? '', run.serverProfile ?? '', run.build?.commit ?? '', run.build?.branch ?? '', run.sourceTool ?? '', run.mode, run.id, ...run.tags, run.notesStart].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag in use, most used first, then by name. */
export function tagsInUse(runs: readonly RunHeader[]): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const tag of run.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

export function modelsInUse(runs: readonly RunHeader[]): string[] {
  return [...new Set(runs.flatMap((run) => (run.serverModel === null ? [] : [run.serverModel])))].sort();
}

export function profilesInUse(runs: readonly RunHeader[]): string[] {
  return [...new Set(runs.flatMap((run) => (run.serverProfile === null ? [] : [run.serverProfile])))].sort();
}

/** The builds of the runs (of one profile, when given), in the order the runs come (newest first in the list): key and label. */
export function buildsInUse(runs: readonly RunHeader[], profile: string): Array<{ key: string; label: string }> {
  const builds = new Map<string, string>();
  for (const run of runs) {
    if (run.build === null || (profile !== '' && run.serverProfile !== profile)) continue;
    const key = buildKey(run.build);
    if (!builds.has(key)) builds.set(key, `${buildLabel(run.build)}${run.build.branch === null ? '' : ` (${run.build.branch})`}`);
  }
  return [...builds].map(([key, label]) => ({ key, label }));
}

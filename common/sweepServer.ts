// What server a sweep measured, read from its step runs, and the labels that tell several sweeps
// apart in an overlay: only the facts that differ between them (model, profile, commit …), so
// two sweeps of the same build on two models read "pool-shared ×4" and "event-loop".
import type { RunRecord } from './runRecord.ts';

export interface SweepServerFacts {
  /** The built-in server's model with its worker count ("pool-shared ×4"); null otherwise. */
  model: string | null;
  /** The server profile a launched server came from; null otherwise. */
  profile: string | null;
  /** The launched server's git commit (12 hex digits, "+dirty" when it had changes); null when unknown. */
  commit: string | null;
  /** The command of an external or launched server without a profile; null otherwise. */
  command: string | null;
  /** The target; for the built-in server only its path and query (its port is whatever was free). */
  url: string;
  /** False when the step runs disagree on the server (the facts are the first step's). */
  sameForAllSteps: boolean;
}

const COMMIT_CHARS = 12;

function factsOf(record: RunRecord): Omit<SweepServerFacts, 'sameForAllSteps'> {
  const { server } = record;
  const none = { model: null, profile: null, commit: null, command: null, url: record.target.url };
  if (server.kind === 'builtin') none.url = builtinPath(record.target.url);
  switch (server.kind) {
    case 'unknown':
      return none;
    case 'builtin': {
      const workers = server.settings['workers'];
      // Only the pools have a fixed number of handler threads.
      const pooled = server.model.startsWith('pool-');
      return { ...none, model: typeof workers === 'number' && pooled ? `${server.model} ×${workers}` : server.model };
    }
    case 'external':
      return { ...none, command: server.command };
    case 'launched': {
      const git = server.build.git;
      return {
        ...none,
        profile: server.profile?.name ?? null,
        commit: git === null ? null : `${git.commit.slice(0, COMMIT_CHARS)}${git.dirty ? '+dirty' : ''}`,
        command: server.profile === null ? server.command.join(' ') : null,
      };
    }
  }
}

function builtinPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The server of a sweep's steps (the first step's when they disagree); null without steps. */
export function sweepServerFacts(records: readonly RunRecord[]): SweepServerFacts | null {
  const first = records[0];
  if (first === undefined) return null;
  const facts = factsOf(first);
  const key = JSON.stringify(facts);
  return { ...facts, sameForAllSteps: records.every((record) => JSON.stringify(factsOf(record)) === key) };
}

/** A sweep to label: its server facts (null when unknown), title and start. */
export interface LabelledSweep {
  server: SweepServerFacts | null;
  title: string;
  startedAt: string;
}

type Dimension = (sweep: LabelledSweep) => string | null;

/** What a server is, in the order labels name it. */
const SERVER_DIMENSIONS: readonly Dimension[] = [
  (sweep) => sweep.server?.model ?? null,
  (sweep) => (sweep.server?.profile == null ? null : `profile ${sweep.server.profile}`),
  (sweep) => (sweep.server?.commit == null ? null : `@${sweep.server.commit}`),
  (sweep) => sweep.server?.command ?? null,
];

/**
 * One label per sweep from the server facts that differ between them (model, profile, commit,
 * command); a sweep none of whose facts differ goes by its title. While two labels are still
 * equal, the title is added, then the target (when the sweeps' known targets differ), then the
 * start time. With one sweep: its model or profile, else its title.
 */
export function sweepLabels(sweeps: readonly LabelledSweep[]): string[] {
  if (sweeps.length === 1) {
    const only = sweeps[0];
    if (only === undefined) return [];
    return [only.server?.model ?? (only.server?.profile == null ? null : `profile ${only.server.profile}`) ?? only.title];
  }
  const differing = SERVER_DIMENSIONS.filter((dimension) => new Set(sweeps.map(dimension)).size > 1);
  const facts = sweeps.map((sweep) => differing.map((dimension) => dimension(sweep)).filter((value): value is string => value !== null).join(' · '));
  let labels = facts.map((label, index) => label || (sweeps[index]?.title ?? ''));
  if (!allDistinct(labels)) labels = facts.map((label, index) => join(label, sweeps[index]?.title ?? ''));
  // An unknown server has no target to compare: only known targets that differ are told.
  const urls = sweeps.map((sweep) => sweep.server?.url ?? null);
  if (!allDistinct(labels) && new Set(urls.filter((url) => url !== null)).size > 1) labels = labels.map((label, index) => join(label, urls[index] ?? ''));
  if (!allDistinct(labels)) labels = labels.map((label, index) => join(label, (sweeps[index]?.startedAt ?? '').slice(0, 19).replace('T', ' ')));
  return labels.map((label, index) => (label === '' ? `sweep ${index + 1}` : label));
}

function join(label: string, extra: string): string {
  return [label, extra].filter((part) => part !== '').join(' · ');
}

function allDistinct(labels: readonly string[]): boolean {
  return labels.every((label) => label !== '') && new Set(labels).size === labels.length;
}

/** The server in words for a report: what is known of it, or that it is unknown. */
export function describeSweepServer(facts: SweepServerFacts | null): string {
  if (facts === null) return 'unknown';
  const known = [facts.model === null ? null : `built-in ${facts.model}`, facts.profile === null ? null : `profile ${facts.profile}`, facts.commit === null ? null : `commit ${facts.commit}`, facts.command];
  const text = known.filter((part): part is string => part !== null).join(', ');
  return `${text === '' ? 'unknown (a URL Loadlab did not start)' : text}${facts.sameForAllSteps ? '' : ' (the steps disagree on the server; the first step’s)'}`;
}

// The few fields of a run the journal list shows, read from a record without its histograms.
// The journal's index keeps one per file, so listing thousands of runs parses no histogram.
import { z } from 'zod';
import { headlineLatency } from './censored.ts';
import { BOUNDED_STATS, loadModeSchema, totalErrors, type RunRecord } from './runRecord.ts';

export const runHeaderSchema = z.object({
  id: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  startedAt: z.string().nullable(),
  /** When an imported run was read into the journal; null for measured runs. */
  importedAt: z.string().nullable(),
  /** Null when the source does not say (an HdrHistogram log). */
  mode: loadModeSchema.nullable(),
  url: z.string(),
  method: z.string().nullable(),
  threads: z.number().nullable(),
  connections: z.number().nullable(),
  ratePerSec: z.number().nullable(),
  durationMs: z.number().nullable(),
  /** The built-in server's model, when the run was against it. */
  serverModel: z.string().nullable(),
  /** The server profile a launched server came from (`bench --server NAME`, the Lab's profiles); null otherwise (`--server-cmd` included). */
  serverProfile: z.string().nullable(),
  /** The launched server's build (its folder's git commit, full hash; the branch, null on a detached HEAD; whether the tree was dirty); null when not launched or not in git. */
  build: z.object({ commit: z.string(), branch: z.string().nullable(), dirty: z.boolean() }).nullable(),
  requests: z.number(),
  reqPerSec: z.number(),
  /** Answered / scheduled, 0 to 1; null when unknown. */
  completion: z.number().nullable(),
  /** Scheduled requests with no response; null when unknown. */
  unanswered: z.number().nullable(),
  /** Headline latency (common/censored.ts): with unanswered requests counted when there were any. */
  p50Us: z.number().nullable(),
  p99Us: z.number().nullable(),
  maxUs: z.number().nullable(),
  /** Which of those figures are lower bounds ("≥"). */
  latencyLowerBounds: z.array(z.enum(BOUNDED_STATS)),
  /** All errors by kind, summed; null when the source counted none (an HdrHistogram log). */
  errors: z.number().nullable(),
  stoppedEarly: z.boolean().nullable(),
  /** The tool an imported run came from ('wrk', 'httperf', …); null for measured runs. */
  sourceTool: z.string().nullable(),
  hasNotes: z.boolean(),
  /** The notes' first NOTES_SEARCHED_CHARS characters, for the list's search. */
  notesStart: z.string(),
});
export type RunHeader = z.infer<typeof runHeaderSchema>;

/** How much of a run's notes the journal list's search looks in (the index keeps no more). */
export const NOTES_SEARCHED_CHARS = 10_000;

export function runHeaderOf(record: RunRecord): RunHeader {
  const { summary, load } = record;
  return {
    id: record.id,
    title: record.title,
    tags: record.tags,
    startedAt: record.startedAt,
    importedAt: record.source?.importedAt ?? null,
    mode: load.mode,
    url: record.target.url,
    method: record.target.method,
    threads: load.threads,
    connections: load.connections,
    ratePerSec: load.ratePerSec,
    durationMs: load.durationMs,
    serverModel: record.server.kind === 'builtin' ? record.server.model : null,
    serverProfile: record.server.kind === 'launched' ? (record.server.profile?.name ?? null) : null,
    build: record.server.kind === 'launched' && record.server.build.git !== null ? { commit: record.server.build.git.commit, branch: record.server.build.git.branch, dirty: record.server.build.git.dirty } : null,
    requests: summary.requests,
    reqPerSec: summary.reqPerSec,
    completion: summary.completion ?? null,
    unanswered: summary.unanswered?.count ?? null,
    p50Us: headlineLatency(summary, 'p50').valueUs,
    p99Us: headlineLatency(summary, 'p99').valueUs,
    maxUs: headlineLatency(summary, 'max').valueUs,
    latencyLowerBounds: summary.latencyWithUnansweredUs?.lowerBounds ?? [],
    errors: summary.errors === null ? null : totalErrors(summary.errors),
    stoppedEarly: record.stoppedEarly,
    sourceTool: record.source?.tool ?? null,
    hasNotes: record.notes.trim() !== '',
    notesStart: record.notes.slice(0, NOTES_SEARCHED_CHARS),
  };
}

/** Newest first: by start time, else import time, then by id so the order is stable. */
export function compareHeadersNewestFirst(a: RunHeader, b: RunHeader): number {
  const timeA = a.startedAt ?? a.importedAt ?? '';
  const timeB = b.startedAt ?? b.importedAt ?? '';
  if (timeA !== timeB) return timeA < timeB ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** A commit as people quote it: its first 7 hex digits. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

/** "a1b2c3d" or "a1b2c3d, dirty" (uncommitted changes: the same commit may hold different code). */
export function buildLabel(build: NonNullable<RunHeader['build']>): string {
  return `${shortCommit(build.commit)}${build.dirty ? ', dirty' : ''}`;
}

/** What tells two builds apart: the commit, and whether the tree was dirty. */
export function buildKey(build: NonNullable<RunHeader['build']>): string {
  return `${build.commit}${build.dirty ? '+dirty' : ''}`;
}

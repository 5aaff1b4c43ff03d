// What every importer produces: a run record without the parts that depend on where the report
// sat in the file (id, title, notes, source), which finishRun adds the same way for all.
import { createHash } from 'node:crypto';
import { RUN_SCHEMA, type PartialLatencySummary, type RunRecord } from '../../common/runRecord.ts';

export type ImportTool = 'wrk' | 'wrk2' | 'httperf' | 'autocannon' | 'hlog' | 'loadlab';

export type RecordBody = Omit<RunRecord, 'schema' | 'id' | 'title' | 'notes' | 'tags' | 'source'>;

export interface RunDraft {
  tool: ImportTool;
  /** The report as it appeared, with the command line before it if there was one. */
  text: string;
  /** The command, without its prompt; null when the report had none. */
  command: string | null;
  body: RecordBody;
}

/** Where the run came from in the file. */
export interface RunPlace {
  /** 1-based position of the run among all runs of the file. */
  ordinal: number;
  title: string;
  notes: string;
  /** The markdown heading's date (YYYY-MM-DD), used when the report has no start time. */
  date: string | null;
}

export interface ImportStamp {
  fileName: string;
  importedAt: string;
}

/** Deterministic: the same report at the same place in a file gets the same id, whatever the file is called. */
export function importedRunId(tool: ImportTool, ordinal: number, text: string): string {
  const digest = createHash('sha256').update(`${tool}\n${ordinal}\n${text}`).digest('hex');
  return `i-${digest.slice(0, 16)}`;
}

/** The fallback title: the command, else "<tool> <url>". */
export function defaultTitle(draft: RunDraft): string {
  if (draft.command !== null) return draft.command;
  const url = draft.body.target.url;
  return url === '' ? draft.tool : `${draft.tool} ${url}`;
}

export function finishRun(draft: RunDraft, place: RunPlace, stamp: ImportStamp): RunRecord {
  return {
    schema: RUN_SCHEMA,
    id: importedRunId(draft.tool, place.ordinal, draft.text),
    title: place.title,
    notes: place.notes,
    tags: [],
    ...draft.body,
    startedAt: draft.body.startedAt ?? place.date,
    source: { tool: draft.tool, text: draft.text, file: stamp.fileName, importedAt: stamp.importedAt },
  };
}

/** A latency summary that knows only its count. */
export function unknownLatency(count: number): PartialLatencySummary {
  return { count, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null };
}

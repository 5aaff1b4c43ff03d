// The journal's importer: recognises the format from the content, whatever the file is called,
// and returns one run record per report. Unknown figures stay null; what cannot be read is an
// ImportError naming the file and line; odd-but-readable things are warnings.
import { runRecordSchema, type RunRecord } from '../../common/runRecord.ts';
import { entryRunSteps } from './entryRuns.ts';
import { hlogDraft, looksLikeHlog } from './hlogRun.ts';
import { collectWarnings, ImportError, ReportError, type Diagnostics } from './importError.ts';
import { looksLikeMarkdown, markdownEntries } from './markdownEntries.ts';
import type { RefusedRun } from './loadlabRecords.ts';
import { parseJson, readJson } from './readJson.ts';
import { defaultTitle, finishRun, type ImportStamp } from './runDraft.ts';
import { splitLines } from './sourceLines.ts';
import { runSteps, type Steps } from './steps.ts';

export { ImportError } from './importError.ts';

export type ImportFormat = 'wrk' | 'httperf' | 'autocannon' | 'loadlab' | 'hlog' | 'markdown';

export interface ImportOptions {
  fileName: string;
  /** ISO time of the import, stored in each run's source. */
  importedAt: string;
}

export interface ImportResult {
  format: ImportFormat;
  runs: RunRecord[];
  /** Records of a batch that were not taken, with why; the file's other runs are in `runs`. */
  refused: RefusedRun[];
  warnings: string[];
}

const NOTHING_FOUND = 'no report found: not wrk, wrk2, httperf, autocannon JSON, a Loadlab run record, an HdrHistogram log or a markdown journal with reports';

function* readText(text: string, diagnostics: Diagnostics, stamp: ImportStamp): Steps<{ format: ImportFormat; runs: RunRecord[]; refused?: RefusedRun[] }> {
  if (text.trim() === '') throw new ReportError(1, 'empty file');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = parseJson(text);
    if ('value' in parsed) return yield* readJson(parsed.value, text, diagnostics, stamp);
    // "[![badge](…)]" starts many markdown files; a "{" starts only JSON.
    if (trimmed.startsWith('{')) throw parsed.error;
  }
  if (looksLikeHlog(text)) {
    const draft = hlogDraft(text, diagnostics);
    return { format: 'hlog', runs: [finishRun(draft, { ordinal: 1, title: `${defaultTitle(draft)} ${stamp.fileName}`, notes: '', date: null }, stamp)] };
  }
  const lines = splitLines(text);
  const markdown = looksLikeMarkdown(lines);
  const runs = yield* entryRunSteps(markdownEntries(lines), diagnostics, stamp);
  if (runs.length === 0) throw new ReportError(markdown ? null : 1, NOTHING_FOUND);
  const firstTool = runs[0]?.source?.tool;
  const format: ImportFormat = markdown ? 'markdown' : firstTool === 'httperf' ? 'httperf' : firstTool === 'autocannon' ? 'autocannon' : 'wrk';
  return { format, runs };
}

/** Every record must be a valid journal record; a failure here is a bug of the importer. */
function checked(run: RunRecord, index: number): RunRecord {
  const parsed = runRecordSchema.safeParse(run);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`importer produced an invalid record for run ${index + 1} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
}

export function importText(text: string, options: ImportOptions): ImportResult {
  return runSteps(importTextSteps(text, options));
}

/** importText in steps (see steps.ts): the lab runs it in slices between other clients' work. */
export function* importTextSteps(text: string, options: ImportOptions): Steps<ImportResult> {
  const warnings: string[] = [];
  const diagnostics = collectWarnings(options.fileName, warnings);
  try {
    // A UTF-8 byte-order mark (Windows editors write one) is not part of the text.
    const { format, runs, refused = [] } = yield* readText(text.startsWith('\uFEFF') ? text.slice(1) : text, diagnostics, options);
    const valid: RunRecord[] = [];
    for (const [index, run] of runs.entries()) {
      yield;
      valid.push(checked(run, index));
    }
    return { format, runs: valid, refused, warnings };
  } catch (error) {
    if (error instanceof ReportError) throw new ImportError(options.fileName, error.line, error.message);
    throw error;
  }
}

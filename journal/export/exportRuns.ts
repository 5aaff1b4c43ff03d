// One entry point for every export format, shared by the CLI and the lab: records in, files out
// (the primary file first). Nothing is written here; the caller writes the files.
import type { RunRecord } from '../../common/runRecord.ts';
import { histogramProblem } from '../histogramCheck.ts';
import { runsCsv, seriesCsv } from './csv.ts';
import { uniqueStems, type ExportFile } from './fileNames.ts';
import { exportHlog } from './hlog.ts';
import { exportHtml } from './html.ts';
import { exportJson } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import type { GroupSpec } from './runGroups.ts';

export const EXPORT_FORMATS = ['md', 'html', 'json', 'csv', 'hlog'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  files: ExportFile[];
  /** Runs left out because they could not be exported (a corrupt histogram), with why. */
  skipped: SkippedRun[];
}

export interface SkippedRun {
  id: string;
  reason: string;
}

/**
 * - md: `<stem>.md` and the SVG charts it links to;
 * - html: `<stem>.html`, self-contained;
 * - json: `<stem>.json`, the records as an array;
 * - csv: `<stem>.csv` (a row per run) and `<stem>-series.csv` (a row per interval);
 * - hlog: `<run>.hlog` per run with a histogram (runs without one are left out; none is an error).
 * The stem is the run's id for one run, "loadlab-runs" for several.
 * `groups` is how the comparison of md and html groups the runs (default: each run alone).
 */
export function exportRuns(given: readonly RunRecord[], format: ExportFormat, groups: readonly GroupSpec[] = []): ExportResult {
  if (given.length === 0) throw new Error('nothing to export: no runs given');
  // A run that cannot be drawn (a histogram damaged on disk, or imported before imports checked
  // them) is left out by name; the others are exported.
  const skipped: SkippedRun[] = [];
  const records = given.filter((record) => {
    const problem = histogramProblem(record);
    if (problem !== null) skipped.push({ id: record.id, reason: problem });
    return problem === null;
  });
  if (records.length === 0) throw new Error(`nothing to export: ${skipped.map((run) => `run ${run.id}: ${run.reason}`).join('; ')}`);
  // Groups keep their runs that were exported: a run left out is named in `skipped`, not in a group.
  const kept = new Set(records.map((record) => record.id));
  const keptGroups = groups.map((group) => ({ ...group, ids: group.ids.filter((id) => kept.has(id)) })).filter((group) => group.ids.length > 0);
  return { files: exportFiles(records, format, keptGroups), skipped };
}

function exportFiles(records: readonly RunRecord[], format: ExportFormat, groups: readonly GroupSpec[]): ExportFile[] {
  const stem = records.length === 1 && records[0] ? (uniqueStems([records[0].id])[0] ?? 'run') : 'loadlab-runs';
  switch (format) {
    case 'md': {
      const { markdown, files } = exportMarkdown(records, groups);
      return [{ name: `${stem}.md`, content: markdown }, ...files];
    }
    case 'html':
      return [{ name: `${stem}.html`, content: exportHtml(records, groups) }];
    case 'json':
      return [{ name: `${stem}.json`, content: exportJson(records) }];
    case 'csv':
      return [{ name: `${stem}.csv`, content: runsCsv(records) }, { name: `${stem}-series.csv`, content: seriesCsv(records) }];
    case 'hlog':
      return hlogFiles(records);
  }
}

function hlogFiles(records: readonly RunRecord[]): ExportFile[] {
  const stems = uniqueStems(records.map((record) => record.id));
  const files = records.flatMap((record, index) => {
    const content = exportHlog(record);
    return content === null ? [] : [{ name: `${stems[index] ?? `run-${index + 1}`}.hlog`, content }];
  });
  if (files.length === 0) throw new Error('no run to export has a latency histogram (imported reports may have none)');
  return files;
}

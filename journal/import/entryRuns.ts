// Runs of a journal: each report of an entry becomes a run whose title is the entry's heading
// (with the command or an ordinal when the entry has several) and whose notes are the entry's
// prose, without the reports and the command lines that were taken into them.
import type { RunRecord } from '../../common/runRecord.ts';
import { autocannonDraft } from './autocannonRun.ts';
import { entryReports, type FoundReport } from './entryReports.ts';
import { httperfDraft } from './httperfRun.ts';
import { readHttperfReport } from './httperfReport.ts';
import type { Diagnostics } from './importError.ts';
import type { MarkdownEntry } from './markdownEntries.ts';
import { defaultTitle, finishRun, type ImportStamp, type RunDraft } from './runDraft.ts';
import type { SourceLine } from './sourceLines.ts';
import { runSteps, type Steps } from './steps.ts';
import { wrkDraft } from './wrkRun.ts';
import { readWrkReport } from './wrkReport.ts';

function draftOf(report: FoundReport, diagnostics: Diagnostics): RunDraft {
  const lines = report.block.lines;
  const firstNo = lines[report.start]?.no ?? 0;
  const command = report.command?.command ?? null;
  if (report.kind === 'wrk') return wrkDraft(readWrkReport(lines, report.start, report.end, diagnostics), command, report.text, diagnostics, firstNo);
  if (report.kind === 'httperf') return httperfDraft(readHttperfReport(lines, report.start, report.end), command, report.text);
  if (report.autocannon === null) throw new Error('autocannon report without its parsed result');
  return autocannonDraft(report.autocannon, command, report.text, diagnostics, firstNo);
}

/** Lines that went into runs: the reports, whole fenced blocks holding one, whole-line commands. */
function usedLines(reports: readonly FoundReport[]): Set<SourceLine> {
  const used = new Set<SourceLine>();
  for (const report of reports) {
    const { block } = report;
    const taken = block.fenced ? [...block.fence, ...block.lines] : block.lines.slice(report.start, report.end + 1);
    for (const line of taken) used.add(line);
    const command = report.command;
    if (command?.wholeLine) {
      const commandBlock = command.block;
      const onlyCommands = commandBlock.fenced && commandBlock.lines.every((line) => line.text.trim() === '' || line === command.line);
      for (const line of onlyCommands ? [...commandBlock.fence, ...commandBlock.lines] : [command.line]) used.add(line);
    }
  }
  return used;
}

function notesOf(entry: MarkdownEntry, reports: readonly FoundReport[]): string {
  const used = usedLines(reports);
  const kept: string[] = [];
  for (const block of entry.blocks) {
    const [open, close] = block.fence;
    const lines = block.fenced ? [open, ...block.lines, close] : block.lines;
    for (const line of lines) if (line !== undefined && !used.has(line)) kept.push(line.text);
  }
  return kept.join('\n').replace(/\n\s*\n(\s*\n)+/g, '\n\n').trim();
}

/** Longest paragraph line taken as a title; a longer one is prose, not a label. */
const MAX_LABEL_CHARS = 80;

/**
 * The first line of the paragraph just above a report's fenced block, when it is a short label
 * ("thread_pool3" above the seed's second block under "Each thread with its own channel").
 * Lines that went into a run (a command above the block) do not count.
 */
function labelAbove(entry: MarkdownEntry, report: FoundReport, used: ReadonlySet<SourceLine>): string | null {
  if (!report.block.fenced) return null;
  const previous = entry.blocks[entry.blocks.indexOf(report.block) - 1];
  if (previous === undefined || previous.fenced) return null;
  const lines = previous.lines.filter((line) => !used.has(line));
  let end = lines.length;
  while (end > 0 && (lines[end - 1]?.text.trim() ?? '') === '') end--;
  let start = end;
  while (start > 0 && (lines[start - 1]?.text.trim() ?? '') !== '') start--;
  const label = (lines[start]?.text.trim() ?? '').replace(/:$/, '');
  return label === '' || start === end || label.length > MAX_LABEL_CHARS ? null : label;
}

/** A label that repeats within the entry gets the run's ordinal there. */
function titleOf(entry: MarkdownEntry, drafts: readonly RunDraft[], index: number, labels: readonly (string | null)[]): string {
  const own = labels[index] ?? null;
  const label = own !== null && labels.filter((other) => other === own).length > 1 ? `${own} #${index + 1}` : own;
  const draft = drafts[index];
  if (draft === undefined) return '';
  if (entry.heading === null || entry.heading === '') return label ?? defaultTitle(draft);
  if (drafts.length === 1) return entry.heading;
  const commands = drafts.map((each) => each.command);
  const distinct = commands.every((command) => command !== null) && new Set(commands).size === commands.length;
  if (distinct && draft.command !== null) return `${entry.heading} — ${draft.command}`;
  return label ?? `${entry.heading} #${index + 1}`;
}

/** The runs of the entries, numbered from 1 through the file. */
export function entriesToRuns(entries: readonly MarkdownEntry[], diagnostics: Diagnostics, stamp: ImportStamp): RunRecord[] {
  return runSteps(entryRunSteps(entries, diagnostics, stamp));
}

/** entriesToRuns in steps: one entry at a time (see steps.ts). */
export function* entryRunSteps(entries: readonly MarkdownEntry[], diagnostics: Diagnostics, stamp: ImportStamp): Steps<RunRecord[]> {
  const runs: RunRecord[] = [];
  for (const entry of entries) {
    yield;
    const reports = entryReports(entry);
    if (reports.length === 0) continue;
    const drafts = reports.map((report) => draftOf(report, diagnostics));
    const notes = notesOf(entry, reports);
    const used = usedLines(reports);
    const labels = reports.map((report) => labelAbove(entry, report, used));
    drafts.forEach((draft, index) => {
      runs.push(finishRun(draft, { ordinal: runs.length + 1, title: titleOf(entry, drafts, index, labels), notes, date: entry.date }, stamp));
    });
  }
  return runs;
}

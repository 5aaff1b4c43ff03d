// The reports in one markdown entry (or a plain text file, which is one entry of prose): wrk and
// httperf reports wherever they sit, autocannon JSON in fenced blocks, and the command given
// before each.
import { autocannonResultSchema, looksLikeAutocannon, type AutocannonResult } from './autocannonRun.ts';
import { inlineCommands, readCommand, type CommandLine, type CommandTool } from './commandLine.ts';
import { ReportError } from './importError.ts';
import type { MarkdownBlock, MarkdownEntry } from './markdownEntries.ts';
import { scanReports } from './reportScan.ts';
import { isBlank, joinLines, type SourceLine } from './sourceLines.ts';

export type FoundKind = 'wrk' | 'httperf' | 'autocannon';

export interface FoundCommand {
  readonly command: CommandLine;
  readonly line: SourceLine;
  /** The whole line is the command (not an inline code span in prose). */
  readonly wholeLine: boolean;
  readonly block: MarkdownBlock;
}

export interface FoundReport {
  readonly kind: FoundKind;
  readonly block: MarkdownBlock;
  /** Indexes into block.lines, inclusive. */
  readonly start: number;
  readonly end: number;
  readonly autocannon: AutocannonResult | null;
  readonly command: FoundCommand | null;
  /** The report as pasted, with its command line when there was one. */
  readonly text: string;
}

const FAMILY: Record<FoundKind, readonly CommandTool[]> = {
  wrk: ['wrk', 'wrk2', 'loadlab-bench'],
  httperf: ['httperf', 'loadlab-httperf'],
  autocannon: ['autocannon'],
};

type Located = Omit<FoundReport, 'command' | 'text'>;

function autocannonBlock(block: MarkdownBlock): Located | null {
  const text = joinLines(block.lines).trim();
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!looksLikeAutocannon(value)) return null;
  const parsed = autocannonResultSchema.safeParse(value);
  const first = block.lines[0]?.no ?? null;
  if (!parsed.success) throw new ReportError(first, `autocannon result without a valid ${parsed.error.issues[0]?.path.join('.') ?? 'shape'}`);
  return { kind: 'autocannon', block, start: 0, end: block.lines.length - 1, autocannon: parsed.data };
}

function locate(entry: MarkdownEntry): Located[] {
  const found: Located[] = [];
  for (const block of entry.blocks) {
    const chunks = scanReports(block.lines);
    for (const chunk of chunks) found.push({ kind: chunk.kind, block, start: chunk.start, end: chunk.end, autocannon: null });
    if (chunks.length === 0 && block.fenced) {
      const json = autocannonBlock(block);
      if (json) found.push(json);
    }
  }
  return found.sort((a, b) => (a.block.lines[a.start]?.no ?? 0) - (b.block.lines[b.start]?.no ?? 0));
}

function commandsOn(line: SourceLine, block: MarkdownBlock): FoundCommand[] {
  const whole = readCommand(line.text);
  if (whole) return [{ command: whole, line, wholeLine: true, block }];
  return block.fenced ? [] : inlineCommands(line.text).map((command) => ({ command, line, wholeLine: false, block }));
}

/** The last command of the report's tool between the previous report and this one. */
function commandBefore(entry: MarkdownEntry, report: Located, afterNo: number): FoundCommand | null {
  const startNo = report.block.lines[report.start]?.no ?? 0;
  let found: FoundCommand | null = null;
  for (const block of entry.blocks) {
    for (const line of block.lines) {
      if (line.no <= afterNo || line.no >= startNo) continue;
      for (const candidate of commandsOn(line, block)) if (FAMILY[report.kind].includes(candidate.command.tool)) found = candidate;
    }
  }
  return found;
}

function reportText(report: Located, command: FoundCommand | null): string {
  const lines = report.block.lines;
  if (command !== null && command.wholeLine && command.block === report.block) {
    const from = lines.indexOf(command.line);
    if (lines.slice(from + 1, report.start).every(isBlank)) return joinLines(lines.slice(from, report.end + 1));
  }
  const own = joinLines(lines.slice(report.start, report.end + 1));
  if (command === null) return own;
  return `${command.wholeLine ? command.line.text : command.command.text}\n${own}`;
}

export function entryReports(entry: MarkdownEntry): FoundReport[] {
  let afterNo = 0;
  return locate(entry).map((report) => {
    const command = commandBefore(entry, report, afterNo);
    afterNo = report.block.lines[report.end]?.no ?? afterNo;
    return { ...report, command, text: reportText(report, command) };
  });
}

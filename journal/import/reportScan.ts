// Finds wrk/wrk2 and httperf reports among lines of text (a whole file, a markdown code block,
// or the prose between blocks). A report is recognised by its own lines, whatever surrounds it.
import { ReportError } from './importError.ts';
import type { SourceLine } from './sourceLines.ts';

export type ReportKind = 'wrk' | 'httperf';

export interface ReportChunk {
  readonly kind: ReportKind;
  /** Indexes into the scanned lines, inclusive. */
  readonly start: number;
  readonly end: number;
}

/** wrk's first line: "Running 30s test @ http://…". */
export const WRK_START_RE = /^\s*Running\s+\S+\s+test\s+@\s+\S+\s*$/;
const WRK_END_RE = /^\s*Transfer\/sec:/;
const HTTPERF_ANCHOR_RE = /^\s*Total: connections \d+/;
// Lines httperf prints before "Total:" (the echoed command, warnings, the burst length; "^C"
// when the run was interrupted) and after it, up to the errors (and session statistics).
const HTTPERF_HEAD_RE = /^\s*(?:(?:\S*\/)?httperf\s.*--client=|loadlab httperf\s|httperf: warning:|(?:\^C)?Maximum connect burst length:)/;
const HTTPERF_BODY_RE =
  /^\s*(?:Connection rate:|Connection time \[ms\]:|Connection length|Request rate:|Request size|Reply rate|Reply time|Reply size|Reply status:|CPU time|Net I\/O:|Errors:|Session rate|Session:|Session lifetime|Session failtime|Session length histogram:)/;

function isBlank(line: SourceLine | undefined): boolean {
  return line !== undefined && line.text.trim() === '';
}

function wrkChunk(lines: readonly SourceLine[], start: number): ReportChunk {
  for (let index = start + 1; index < lines.length; index++) {
    const text = lines[index]?.text ?? '';
    if (WRK_END_RE.test(text)) return { kind: 'wrk', start, end: index };
    if (WRK_START_RE.test(text)) return truncatedWrk(lines, start, index - 1);
  }
  return truncatedWrk(lines, start, lines.length - 1);
}

// Lines a wrk report is made of (rows, percentiles, spectrum rows and counts start with a digit).
const WRK_LINE_RE = /^\s*(?:Running|Thread|Latency|Req\/Sec|Detailed|Value|#\[|-{10,}|Socket errors|Non-2xx|Requests|Unsent|Server-closed|\d)/;

/** The report's last line: where it stops looking like wrk's output, before what follows it. */
function lastReportLine(lines: readonly SourceLine[], start: number, to: number): number {
  let last = start;
  for (let index = start + 1; index <= to; index++) {
    const line = lines[index];
    if (line === undefined || isBlank(line)) continue;
    if (!WRK_LINE_RE.test(line.text)) break;
    last = index;
  }
  return last;
}

function truncatedWrk(lines: readonly SourceLine[], start: number, to: number): never {
  const last = lines[lastReportLine(lines, start, to)];
  const first = lines[start];
  throw new ReportError(last?.no ?? null, `truncated wrk report (started at line ${first?.no ?? '?'}): it ends here, without the "Transfer/sec:" line`);
}

function httperfChunk(lines: readonly SourceLine[], anchor: number): ReportChunk {
  let start = anchor;
  for (let index = anchor - 1; index >= 0; index--) {
    const line = lines[index];
    if (line === undefined || isBlank(line)) continue;
    if (!HTTPERF_HEAD_RE.test(line.text)) break;
    start = index;
  }
  let end = anchor;
  for (let index = anchor + 1; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined || isBlank(line)) continue;
    if (!HTTPERF_BODY_RE.test(line.text)) break;
    end = index;
  }
  return { kind: 'httperf', start, end };
}

/** The reports in these lines, in order. Throws a ReportError for a truncated wrk report. */
export function scanReports(lines: readonly SourceLine[]): ReportChunk[] {
  const chunks: ReportChunk[] = [];
  let index = 0;
  while (index < lines.length) {
    const text = lines[index]?.text ?? '';
    let chunk: ReportChunk | null = null;
    if (WRK_START_RE.test(text)) chunk = wrkChunk(lines, index);
    else if (HTTPERF_ANCHOR_RE.test(text)) chunk = httperfChunk(lines, index);
    if (chunk) {
      chunks.push(chunk);
      index = chunk.end + 1;
    } else {
      index++;
    }
  }
  return chunks;
}

// Reads the lines of one wrk or wrk2 report (wrk.c's main, print_stats, print_hdr_latency) into
// its figures, with or without --latency, -U, calibration lines, errors lines and "-nan" cells;
// Loadlab's own report, which has the same layout, reads the same way.
import { emptyErrorCounts } from '../../common/errorCounts.ts';
import { ReportError, type Diagnostics } from './importError.ts';
import type { SourceLine } from './sourceLines.ts';
import type { LatencyRow } from './wrkLatency.ts';
import { BLOCK_START_RE, readLatencyBlock, type LatencyBlock } from './wrkSpectrum.ts';
import { isNotANumber, parseBytes, parseMetric, parsePercent, parseTimeUs } from './wrkUnits.ts';

export interface RateRow {
  mean: number | null;
  stdev: number | null;
  max: number | null;
  withinStdevPct: number | null;
}

export interface WrkFigures {
  url: string;
  /** From "Running 30s test"; null when wrk printed something unreadable. */
  durationMs: number | null;
  threads: number;
  connections: number;
  /** wrk2 prints a calibration line per thread. */
  calibrated: boolean;
  latencyRow: LatencyRow | null;
  rateRow: RateRow | null;
  /** wrk's --latency: "50%  722.00us" … "99%". */
  wrkPercentilesUs: Map<number, number>;
  /** wrk2's --latency and -U blocks. */
  corrected: LatencyBlock | null;
  uncorrected: LatencyBlock | null;
  requests: number;
  runtimeUs: number;
  bytesRead: number | null;
  errors: { connect: number; read: number; write: number; timeout: number; status: number };
  /** Lines only Loadlab prints (absent: unknown). */
  inFlightAtEnd: number | null;
  unsent: number | null;
  serverCloses: number | null;
  reqPerSec: number | null;
  transferPerSec: number | null;
}

const RUNNING_RE = /^Running\s+(\S+)\s+test\s+@\s+(\S+)$/;
const THREADS_RE = /^(\d+)\s+threads?\s+and\s+(\d+)\s+connections?$/;
const CALIBRATION_RE = /^Thread calibration:/;
const STATS_HEADER_RE = /^Thread Stats\s+Avg\s+Stdev\s+Max\s+\+\/- Stdev$/;
const ROW_RE = /^(Latency|Req\/Sec)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/;
const WRK_DISTRIBUTION_RE = /^Latency Distribution$/;
const WRK_PERCENTILE_RE = /^(50|75|90|99)%\s+(\S+)$/;
const REQUESTS_RE = /^(\d+)\s+requests\s+in\s+(\S+),\s+(\S+)\s+read$/;
const SOCKET_ERRORS_RE = /^Socket errors:\s+connect\s+(\d+),\s+read\s+(\d+),\s+write\s+(\d+),\s+timeout\s+(\d+)$/;
const NON_2XX_RE = /^Non-2xx or 3xx responses:\s+(\d+)$/;
const IN_FLIGHT_RE = /^Requests in flight at end:\s+(\d+)$/;
const UNSENT_RE = /^Unsent \(behind schedule at end\):\s+(\d+)$/;
const SERVER_CLOSES_RE = /^Server-closed connections:\s+(\d+)/;
const REQ_PER_SEC_RE = /^Requests\/sec:\s+(\S+)$/;
const TRANSFER_RE = /^Transfer\/sec:\s+(\S+)$/;

class WrkReader {
  private nanLines: number[] = [];

  constructor(private readonly diagnostics: Diagnostics) {}

  /** A cell of a stats row: null (and a warning once per line) for "-nan", or text it cannot read. */
  cell(text: string, parse: (text: string) => number | null, line: SourceLine, what: string): number | null {
    if (isNotANumber(text)) {
      if (!this.nanLines.includes(line.no)) {
        this.nanLines.push(line.no);
        this.diagnostics.warn(line.no, `${what} has "-nan" fields; they are left unknown`);
      }
      return null;
    }
    const value = parse(text);
    if (value === null) this.diagnostics.warn(line.no, `cannot read "${text}" in ${what}; left unknown`);
    return value;
  }
}

function emptyFigures(): Omit<WrkFigures, 'url' | 'threads' | 'connections' | 'requests' | 'runtimeUs'> {
  return {
    durationMs: null,
    calibrated: false,
    latencyRow: null,
    rateRow: null,
    wrkPercentilesUs: new Map(),
    corrected: null,
    uncorrected: null,
    bytesRead: null,
    errors: emptyErrorCounts(),
    inFlightAtEnd: null,
    unsent: null,
    serverCloses: null,
    reqPerSec: null,
    transferPerSec: null,
  };
}

/** Reads lines[start..end], a report scanReports found (it starts with "Running", ends with "Transfer/sec:"). */
export function readWrkReport(lines: readonly SourceLine[], start: number, end: number, diagnostics: Diagnostics): WrkFigures {
  const reader = new WrkReader(diagnostics);
  const figures = emptyFigures();
  let url: string | null = null;
  let threads: { threads: number; connections: number } | null = null;
  let requests: { requests: number; runtimeUs: number } | null = null;
  let index = start;
  while (index <= end) {
    const line = lines[index];
    index++;
    if (line === undefined) break;
    const text = line.text.trim();
    if (text === '' || STATS_HEADER_RE.test(text)) continue;
    let match: RegExpExecArray | null;
    if ((match = RUNNING_RE.exec(text))) {
      url = match[2] ?? '';
      const durationUs = parseTimeUs(match[1] ?? '');
      figures.durationMs = durationUs === null ? null : Math.round(durationUs / 1000);
    } else if ((match = THREADS_RE.exec(text))) {
      threads = { threads: Number(match[1]), connections: Number(match[2]) };
    } else if (CALIBRATION_RE.test(text)) {
      figures.calibrated = true;
    } else if ((match = ROW_RE.exec(text))) {
      const cells = [match[2], match[3], match[4]].map((cell) => cell ?? '');
      const [meanText = '', stdevText = '', maxText = ''] = cells;
      const pct = reader.cell(match[5] ?? '', parsePercent, line, `the ${match[1] ?? ''} row`);
      if (match[1] === 'Latency') {
        figures.latencyRow = {
          meanUs: reader.cell(meanText, parseTimeUs, line, 'the Latency row'),
          stdevUs: reader.cell(stdevText, parseTimeUs, line, 'the Latency row'),
          maxUs: reader.cell(maxText, parseTimeUs, line, 'the Latency row'),
          withinStdevPct: pct,
        };
      } else {
        figures.rateRow = {
          mean: reader.cell(meanText, parseMetric, line, 'the Req/Sec row'),
          stdev: reader.cell(stdevText, parseMetric, line, 'the Req/Sec row'),
          max: reader.cell(maxText, parseMetric, line, 'the Req/Sec row'),
          withinStdevPct: pct,
        };
      }
    } else if (BLOCK_START_RE.test(text)) {
      const { block, next } = readLatencyBlock(lines, index - 1, end, diagnostics);
      if (block.uncorrected) figures.uncorrected = block;
      else figures.corrected = block;
      index = next;
    } else if (WRK_DISTRIBUTION_RE.test(text)) {
      for (let next = lines[index]; next !== undefined && index <= end; next = lines[++index]) {
        const percentile = WRK_PERCENTILE_RE.exec(next.text.trim());
        if (!percentile) break;
        const valueUs = reader.cell(percentile[2] ?? '', parseTimeUs, next, 'the latency distribution');
        if (valueUs !== null) figures.wrkPercentilesUs.set(Number(percentile[1]), valueUs);
      }
    } else if ((match = REQUESTS_RE.exec(text))) {
      const runtimeUs = parseTimeUs(match[2] ?? '');
      if (runtimeUs === null) throw new ReportError(line.no, `cannot read the run time "${match[2] ?? ''}"`);
      requests = { requests: Number(match[1]), runtimeUs };
      figures.bytesRead = reader.cell(match[3] ?? '', parseBytes, line, 'the bytes read');
    } else if ((match = SOCKET_ERRORS_RE.exec(text))) {
      figures.errors = { ...figures.errors, connect: Number(match[1]), read: Number(match[2]), write: Number(match[3]), timeout: Number(match[4]) };
    } else if ((match = NON_2XX_RE.exec(text))) {
      figures.errors = { ...figures.errors, status: Number(match[1]) };
    } else if ((match = IN_FLIGHT_RE.exec(text))) {
      figures.inFlightAtEnd = Number(match[1]);
    } else if ((match = UNSENT_RE.exec(text))) {
      figures.unsent = Number(match[1]);
    } else if ((match = SERVER_CLOSES_RE.exec(text))) {
      figures.serverCloses = Number(match[1]);
    } else if ((match = REQ_PER_SEC_RE.exec(text))) {
      figures.reqPerSec = reader.cell(match[1] ?? '', parseMetric, line, 'Requests/sec');
    } else if ((match = TRANSFER_RE.exec(text))) {
      figures.transferPerSec = reader.cell(match[1] ?? '', parseBytes, line, 'Transfer/sec');
    } else {
      diagnostics.warn(line.no, `line not part of a wrk report, skipped: "${text}"`);
    }
  }
  const first = lines[start]?.no ?? null;
  if (url === null) throw new ReportError(first, 'wrk report without its "Running … test @ URL" line');
  if (threads === null) throw new ReportError(first, 'wrk report without its "N threads and N connections" line');
  if (requests === null) throw new ReportError(lines[end]?.no ?? first, 'wrk report without its "N requests in T, B read" line');
  return { ...figures, url, ...threads, ...requests };
}

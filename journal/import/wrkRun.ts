// A wrk, wrk2 or `loadlab bench` report's figures (and the command before it) as a run record.
// What the report does not show stays null.
import { encodeHistogram } from '../../common/histogram.ts';
import type { LoadMode, PartialLatencySummary } from '../../common/runRecord.ts';
import type { CommandLine } from './commandLine.ts';
import { ReportError, type Diagnostics } from './importError.ts';
import type { ImportTool, RunDraft } from './runDraft.ts';
import { parseWrkArgs, type WrkInvocation } from './wrkCommand.ts';
import { latencyFromBlock, latencyFromRow, type LatencyRow } from './wrkLatency.ts';
import type { WrkFigures } from './wrkReport.ts';
import { rebuildHistogram, type LatencyBlock } from './wrkSpectrum.ts';

const NO_INVOCATION: WrkInvocation = parseWrkArgs([]);

function toolOf(figures: WrkFigures, command: CommandLine | null, invocation: WrkInvocation): ImportTool {
  if (command?.tool === 'loadlab-bench') return 'loadlab';
  if (command?.tool === 'wrk2' || invocation.ratePerSec !== null) return 'wrk2';
  // Calibration lines and HdrHistogram output are wrk2's own; wg/wrk prints neither.
  return figures.calibrated || figures.corrected !== null || figures.uncorrected !== null ? 'wrk2' : 'wrk';
}

function modeOf(tool: ImportTool, invocation: WrkInvocation): LoadMode {
  if (tool === 'wrk2') return 'rate';
  return tool === 'loadlab' && invocation.ratePerSec !== null ? 'rate' : 'max';
}

interface BlockLatency {
  summary: PartialLatencySummary;
  encoded: string | null;
}

function blockLatency(block: LatencyBlock, requests: number, row: LatencyRow | null, diagnostics: Diagnostics, lineNo: number): BlockLatency {
  if (block.spectrum.length === 0) return { summary: latencyFromRow(requests, block.uncorrected ? null : row, block.printedUs), encoded: null };
  const histogram = rebuildHistogram(block.spectrum);
  try {
    if (block.totalCount !== null && histogram.totalCount !== block.totalCount) {
      diagnostics.warn(lineNo, `the spectrum adds up to ${histogram.totalCount} values, its "Total count" says ${block.totalCount}`);
    }
    return { summary: latencyFromBlock(block, histogram, row), encoded: encodeHistogram(histogram) };
  } finally {
    histogram.destroy();
  }
}

function positiveInt(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value);
  return rounded > 0 ? rounded : null;
}

/** Loadlab prints its extra counters only when they are not zero; wrk never prints them. */
function loadlabCounter(tool: ImportTool, value: number | null): number | null {
  return value ?? (tool === 'loadlab' ? 0 : null);
}

export function wrkDraft(figures: WrkFigures, command: CommandLine | null, text: string, diagnostics: Diagnostics, firstLineNo: number): RunDraft {
  const invocation = command ? parseWrkArgs(command.args) : NO_INVOCATION;
  const tool = toolOf(figures, command, invocation);
  const mode = modeOf(tool, invocation);
  if (invocation.script !== null) diagnostics.warn(firstLineNo, `the run used a Lua script (${invocation.script}); the recorded request is ${invocation.method ?? 'GET'} ${figures.url}, which the script may have changed`);

  const seconds = figures.runtimeUs / 1e6;
  let reqPerSec = figures.reqPerSec;
  if (reqPerSec === null) {
    if (seconds <= 0) throw new ReportError(firstLineNo, 'wrk report without a readable Requests/sec and without a run time to work it out');
    reqPerSec = figures.requests / seconds;
    diagnostics.warn(firstLineNo, 'Requests/sec unreadable; worked out as requests / run time');
  }
  const corrected = figures.corrected ? blockLatency(figures.corrected, figures.requests, figures.latencyRow, diagnostics, firstLineNo) : null;
  const uncorrected = figures.uncorrected ? blockLatency(figures.uncorrected, figures.requests, null, diagnostics, firstLineNo) : null;

  return {
    tool,
    text,
    command: command?.text ?? null,
    body: {
      startedAt: null,
      finishedAt: null,
      stoppedEarly: null,
      target: { url: figures.url, method: invocation.method ?? 'GET', headers: invocation.headers, bodyBytes: 0 },
      load: {
        mode,
        threads: figures.threads > 0 ? figures.threads : null,
        connections: figures.connections > 0 ? figures.connections : null,
        durationMs: positiveInt(figures.durationMs ?? invocation.durationMs),
        ratePerSec: mode === 'rate' ? invocation.ratePerSec : null,
        keepAlive: invocation.closesConnections ? false : null,
        timeoutMs: positiveInt(invocation.timeoutMs),
        intervalMs: positiveInt(invocation.intervalMs),
      },
      server: { kind: 'unknown' },
      env: null,
      summary: {
        requests: figures.requests,
        durationMs: figures.runtimeUs / 1000,
        reqPerSec,
        bytesRead: figures.bytesRead === null ? null : Math.round(figures.bytesRead),
        transferPerSec: figures.transferPerSec,
        latencyUs: corrected?.summary ?? latencyFromRow(figures.requests, figures.latencyRow, figures.wrkPercentilesUs),
        uncorrectedLatencyUs: uncorrected?.summary ?? null,
        errors: figures.errors,
        statusCounts: null,
        serverCloses: loadlabCounter(tool, figures.serverCloses),
        inFlightAtEnd: loadlabCounter(tool, figures.inFlightAtEnd),
        unsent: loadlabCounter(tool, figures.unsent),
        // wrk prints the per-thread rate's mean, stdev and max, not how many samples they come from.
        threadReqPerSec: figures.rateRow === null ? null : { ...figures.rateRow, samples: null },
      },
      histograms: { correctedUs: corrected?.encoded ?? null, uncorrectedUs: uncorrected?.encoded ?? null },
      series: [],
    },
  };
}

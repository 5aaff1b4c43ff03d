// Runs Debian's wrk (wrk 4: no -R) pinned, and parses its report.
import { findProgram } from '../peers/programs.ts';
import { requireSuccess, type GeneratorResult } from './generator.ts';
import { commandLine, startPinned } from './measure.ts';

export interface WrkReport {
  responses: number;
  durationS: number;
  reqPerSec: number;
  errors: number;
  /** Latency row: avg / max, µs. */
  latencyAvgUs: number;
  latencyMaxUs: number;
  /** "Latency Distribution" block (--latency), µs, keyed by percent ("50", "75", "90", "99"). */
  percentilesUs: Record<string, number>;
}

export interface WrkRun {
  result: GeneratorResult;
  report: WrkReport;
  stdout: string;
}

const unitsUs: Record<string, number> = { us: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6 };

/** "234.00us", "1.54ms", "1.00s", "2.00m" → µs. */
export function parseWrkTime(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  const unit = match?.[2];
  if (!match?.[1] || unit === undefined) return Number.NaN;
  return Number(match[1]) * (unitsUs[unit] ?? Number.NaN);
}

export function parseWrkReport(text: string): WrkReport {
  const requests = /(\d+) requests in ([\d.]+)(us|ms|s|m|h),/.exec(text);
  const perSec = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const latencyRow = /^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)\s+/m.exec(text);
  if (!requests?.[1] || !requests[2] || !requests[3] || !perSec?.[1]) throw new Error(`cannot parse wrk's report:\n${text}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const errors = (socket ? socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx?.[1] ? Number(non2xx[1]) : 0);
  const percentilesUs: Record<string, number> = {};
  const block = /Latency Distribution\n((?:\s+[\d.]+%\s+\S+\n)+)/.exec(text);
  for (const line of block?.[1]?.split('\n') ?? []) {
    const row = /^\s+([\d.]+)%\s+(\S+)/.exec(line);
    if (row?.[1] && row[2]) percentilesUs[String(Number(row[1]))] = parseWrkTime(row[2]);
  }
  return {
    responses: Number(requests[1]),
    durationS: parseWrkTime(`${requests[2]}${requests[3]}`) / 1e6,
    reqPerSec: Number(perSec[1]),
    errors,
    latencyAvgUs: latencyRow?.[1] ? parseWrkTime(latencyRow[1]) : Number.NaN,
    latencyMaxUs: latencyRow?.[3] ? parseWrkTime(latencyRow[3]) : Number.NaN,
    percentilesUs,
  };
}

export async function runWrk(args: readonly string[], url: string, cpu: string, timeoutMs: number): Promise<WrkRun> {
  const wrk = findProgram('wrk', 'wrk');
  const shown = commandLine('wrk', [...args, url]);
  const measured = await startPinned({ program: wrk, args: [...args, url], cpu, timeoutMs }).done;
  requireSuccess('wrk', shown, measured);
  const report = parseWrkReport(measured.stdout);
  return {
    report,
    stdout: measured.stdout,
    result: {
      tool: 'wrk',
      command: shown,
      responses: report.responses,
      reqPerSec: report.reqPerSec,
      errors: report.errors,
      cpuS: measured.userS + measured.sysS,
      wallS: measured.wallS,
    },
  };
}

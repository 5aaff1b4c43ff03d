import { describe, expect, it } from 'vitest';
import { scanReports } from './reportScan.ts';
import { splitLines } from './sourceLines.ts';
import { testdataLines, warningsSink } from './testdataFiles.ts';
import { readWrkReport, type WrkFigures } from './wrkReport.ts';

function figuresOf(name: string, which = 0): { figures: WrkFigures; warnings: string[] } {
  const lines = testdataLines(name);
  const chunk = scanReports(lines)[which];
  if (!chunk) throw new Error(`no report ${which} in ${name}`);
  const { warnings, diagnostics } = warningsSink();
  return { figures: readWrkReport(lines, chunk.start, chunk.end, diagnostics), warnings };
}

describe('readWrkReport', () => {
  it('reads wrk without --latency, indented as in its README', () => {
    const { figures, warnings } = figuresOf('wrk-readme.txt');
    expect(figures).toMatchObject({ url: 'http://127.0.0.1:8080/index.html', durationMs: 30_000, threads: 12, connections: 400, calibrated: false, requests: 22_464_657, runtimeUs: 30_000_000, reqPerSec: 748_868.53, corrected: null });
    expect(figures.latencyRow).toEqual({ meanUs: 635.91, stdevUs: 890, maxUs: 12_920, withinStdevPct: 93.69 });
    expect(figures.rateRow).toEqual({ mean: 56_200, stdev: 8070, max: 62_000, withinStdevPct: 86.54 });
    expect(figures.bytesRead).toBeCloseTo(17.76 * 1024 ** 3, 0);
    expect(figures.transferPerSec).toBeCloseTo(606.33 * 1024 ** 2, 0);
    expect(figures.wrkPercentilesUs.size).toBe(0);
    expect(figures.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
    expect(warnings).toEqual([]);
  });

  it("reads wrk's four --latency percentiles and the socket errors", () => {
    const { figures } = figuresOf('wrk-m_net-latency.txt');
    expect([...figures.wrkPercentilesUs]).toEqual([
      [50, 2480],
      [75, 2730],
      [90, 3270],
      [99, 4970],
    ]);
    expect(figures.errors).toEqual({ connect: 0, read: 1310, write: 0, timeout: 0, status: 0 });
  });

  it('reads non-2xx responses and socket timeouts', () => {
    expect(figuresOf('wrk-wrktoolbox-non2xx.txt').figures.errors.status).toBe(829);
    expect(figuresOf('wrk-wrktoolbox-non2xx.txt').figures.wrkPercentilesUs.get(99)).toBe(1_240_000);
    expect(figuresOf('wrk-wrktoolbox-timeouts.txt').figures.errors.timeout).toBe(1463);
    expect(figuresOf('palantir-benches.md').figures.errors.status).toBe(1);
  });

  it('leaves "-nan" cells unknown, with one warning per row', () => {
    const { figures, warnings } = figuresOf('wrk-issue37-nan.txt');
    expect(figures.latencyRow).toEqual({ meanUs: 0, stdevUs: 0, maxUs: 0, withinStdevPct: null });
    expect(figures.rateRow).toEqual({ mean: 0, stdev: 0, max: 0, withinStdevPct: null });
    expect(warnings).toEqual(['4: the Latency row has "-nan" fields; they are left unknown', '5: the Req/Sec row has "-nan" fields; they are left unknown']);
    const wrk2 = figuresOf('wrk2-issue138-nan.txt');
    expect(wrk2.figures.rateRow).toEqual({ mean: null, stdev: null, max: 0, withinStdevPct: 0 });
    expect(wrk2.figures.runtimeUs).toBe(1250);
    expect(wrk2.warnings).toHaveLength(1);
  });

  it('sees both calibration styles as wrk2', () => {
    expect(figuresOf('wrk2-readme-basic.txt').figures.calibrated).toBe(true); // "9747 usec, … 21 msec"
    expect(figuresOf('wrk2-issue149-two-runs.txt', 1).figures.calibrated).toBe(true); // "0.643ms, … 10ms"
  });

  it("reads wrk2's recorded and uncorrected blocks (-U)", () => {
    const { figures, warnings } = figuresOf('wrk2-readme-u-latency.txt');
    expect(figures.corrected?.uncorrected).toBe(false);
    expect(figures.uncorrected?.uncorrected).toBe(true);
    expect(figures.corrected?.printedUs.get(99)).toBe(10_520);
    expect(figures.uncorrected?.printedUs.get(50)).toBe(2680);
    expect(figures.corrected?.spectrum).toHaveLength(79);
    expect(figures.uncorrected?.spectrum.at(-1)).toEqual({ valueUs: 7015, fraction: 1, totalCount: 39_500 });
    expect(figures).toMatchObject({ requests: 60_031, reqPerSec: 2000.67 });
    expect(warnings).toEqual([]);
  });

  it('reads a report whose lines are indented by one space, after a blank line', () => {
    expect(figuresOf('pingap-benchmark.md').figures).toMatchObject({ threads: 2, connections: 10, requests: 1_309_147, reqPerSec: 129_597.7 });
  });

  it("reads Loadlab's own counters", () => {
    const text = 'Running 1s test @ http://h/\n  1 threads and 1 connections\n  5 requests in 1.00s, 1.00KB read\n  Requests in flight at end: 2\n  Unsent (behind schedule at end): 3\n  Server-closed connections: 4 (reconnected)\nRequests/sec:      5.00\nTransfer/sec:      1.00KB\n';
    const { diagnostics } = warningsSink();
    const lines = splitLines(text);
    expect(readWrkReport(lines, 0, lines.length - 1, diagnostics)).toMatchObject({ inFlightAtEnd: 2, unsent: 3, serverCloses: 4, latencyRow: null });
  });

  it('warns about lines that are not wrk\'s and fails without the requests line', () => {
    const { warnings, diagnostics } = warningsSink();
    const lines = splitLines('Running 1s test @ http://h/\n  1 threads and 1 connections\n    TTFB  1.00ms  1.00ms  1.00ms  50.00%\nRequests/sec: 1\nTransfer/sec: 1B\n');
    expect(() => readWrkReport(lines, 0, lines.length - 1, diagnostics)).toThrow(/without its "N requests in T, B read" line/);
    expect(warnings).toEqual(['3: line not part of a wrk report, skipped: "TTFB  1.00ms  1.00ms  1.00ms  50.00%"']);
  });
});

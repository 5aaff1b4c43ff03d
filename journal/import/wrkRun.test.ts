import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../common/histogram.ts';
import { readCommand } from './commandLine.ts';
import { splitLines } from './sourceLines.ts';
import { importTestdata, warningsSink } from './testdataFiles.ts';
import { wrkDraft } from './wrkRun.ts';
import { readWrkReport } from './wrkReport.ts';

function onlyRun(name: string): NonNullable<ReturnType<typeof importTestdata>['runs'][number]> {
  const { runs } = importTestdata(name);
  expect(runs).toHaveLength(1);
  const [run] = runs;
  if (!run) throw new Error('no run');
  return run;
}

describe('wrk reports as run records', () => {
  it('wrk without --latency: max mode, no percentiles, no histogram, nothing invented', () => {
    const run = onlyRun('wrk-readme.txt');
    expect(run.source?.tool).toBe('wrk');
    expect(run.load).toEqual({ mode: 'max', threads: 12, connections: 400, durationMs: 30_000, ratePerSec: null, keepAlive: null, timeoutMs: null, intervalMs: null });
    expect(run.summary.latencyUs).toEqual({ count: 22_464_657, min: null, mean: 635.91, stdev: 890, max: 12_920, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: 93.69 });
    expect(run.histograms).toEqual({ correctedUs: null, uncorrectedUs: null });
    expect(run).toMatchObject({ env: null, startedAt: null, finishedAt: null, stoppedEarly: null, series: [] });
    expect(run.summary).toMatchObject({ statusCounts: null, serverCloses: null, inFlightAtEnd: null, unsent: null, uncorrectedLatencyUs: null, durationMs: 30_000 });
    expect(run.target).toEqual({ url: 'http://127.0.0.1:8080/index.html', method: 'GET', headers: [], bodyBytes: 0 });
  });

  it('wrk --latency: the four printed percentiles and nothing more', () => {
    const latency = onlyRun('wrk-m_net-latency.txt').summary.latencyUs;
    expect(latency).toMatchObject({ p50: 2480, p75: 2730, p90: 3270, p99: 4970, p999: null, p9999: null, min: null });
  });

  it('wrk2 --latency: the histogram rebuilt from the spectrum, wrk2\'s own figures kept', () => {
    const run = onlyRun('wrk2-readme-latency.txt');
    expect(run.source?.tool).toBe('wrk2');
    expect(run.load).toMatchObject({ mode: 'rate', ratePerSec: 2000, threads: 2, connections: 100, durationMs: 30_000 });
    expect(run.summary.latencyUs).toMatchObject({ count: 39_500, min: 921, mean: 6602, stdev: 1919, max: 12_496, p50: 6670, p75: 7780, p90: 9140, p99: 11_180, p999: 12_300, p9999: 12_450, p99999: 12_500, withinStdevPct: 68.46 });
    const histogram = decodeHistogram(run.histograms.correctedUs ?? '');
    expect(histogram.totalCount).toBe(39_500);
    expect(histogram.getValueAtPercentile(75)).toBe(7783);
    histogram.destroy();
    expect(run.histograms.uncorrectedUs).toBeNull();
  });

  it('wrk2 -U: the uncorrected summary and histogram beside the corrected ones', () => {
    const run = onlyRun('wrk2-readme-u-latency.txt');
    expect(run.summary.uncorrectedLatencyUs).toMatchObject({ count: 39_500, min: 264, mean: 2757, stdev: 1254, max: 7012, p50: 2680, p99: 5430, p99999: 7010 });
    expect(run.summary.latencyUs).toMatchObject({ mean: 6178, p99: 10_520, withinStdevPct: 69.23 });
    const uncorrected = decodeHistogram(run.histograms.uncorrectedUs ?? '');
    expect(uncorrected.totalCount).toBe(39_500);
    uncorrected.destroy();
  });

  it('wrk2 without a command line: rate mode, rate unknown', () => {
    const run = onlyRun('wrk2-wrktoolbox-spectrum.txt');
    expect(run.load).toMatchObject({ mode: 'rate', ratePerSec: null, threads: 10, connections: 10 });
    expect(run.summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 20, status: 120 });
    expect(run.summary.latencyUs.count).toBe(80);
  });

  it('a "Connection: close" header means no keep-alive', () => {
    const [run] = importTestdata('wrk2-issue149-two-runs.txt').runs;
    expect(run?.load.keepAlive).toBe(false);
    expect(run?.target.headers).toEqual([['Connection', 'close']]);
  });

  it('"-nan" fields: nulls and warnings', () => {
    const result = importTestdata('wrk-issue37-nan.txt');
    expect(result.runs[0]?.summary.latencyUs.withinStdevPct).toBeNull();
    expect(result.warnings).toEqual(['wrk-issue37-nan.txt:4: the Latency row has "-nan" fields; they are left unknown', 'wrk-issue37-nan.txt:5: the Req/Sec row has "-nan" fields; they are left unknown']);
  });

  const SHORT = 'Running 1s test @ http://h/\n  1 threads and 1 connections\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\n    Latency     1.00ms    0.10ms   2.00ms   90.00%\n    Req/Sec     1.00k     0.00     1.00k   100.00%\n  1000 requests in 1.00s, 100.00KB read\nRequests/sec:   1000.00\nTransfer/sec:    100.00KB\n';

  function draftWith(commandLine: string): { draft: ReturnType<typeof wrkDraft>; warnings: string[] } {
    const lines = splitLines(SHORT);
    const { warnings, diagnostics } = warningsSink();
    const figures = readWrkReport(lines, 0, lines.length - 1, diagnostics);
    return { draft: wrkDraft(figures, readCommand(commandLine), `${commandLine}\n${SHORT}`, diagnostics, 1), warnings };
  }

  it('warns that a Lua script may have changed the request', () => {
    const { draft, warnings } = draftWith('wrk -t1 -c1 -d1s -s post.lua http://h/');
    expect(draft.tool).toBe('wrk');
    expect(warnings).toEqual(['1: the run used a Lua script (post.lua); the recorded request is GET http://h/, which the script may have changed']);
  });

  it("`loadlab bench` keeps its tool, its method and its counters (absent means 0 there)", () => {
    const { draft } = draftWith('loadlab bench -t1 -c1 -d1s --method POST --interval 500ms http://h/');
    expect(draft.tool).toBe('loadlab');
    expect(draft.body.load).toMatchObject({ mode: 'max', intervalMs: 500 });
    expect(draft.body.target.method).toBe('POST');
    expect(draft.body.summary).toMatchObject({ inFlightAtEnd: 0, unsent: 0, serverCloses: 0 });
    expect(draftWith('loadlab bench -R 100 http://h/').draft.body.load).toMatchObject({ mode: 'rate', ratePerSec: 100 });
  });
});

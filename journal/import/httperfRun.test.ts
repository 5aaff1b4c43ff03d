import { describe, expect, it } from 'vitest';
import { readCommand } from './commandLine.ts';
import { httperfDraft } from './httperfRun.ts';
import { readHttperfReport } from './httperfReport.ts';
import { scanReports } from './reportScan.ts';
import { splitLines } from './sourceLines.ts';
import { importTestdata, testdataLines } from './testdataFiles.ts';

describe('httperf reports as connection-rate runs', () => {
  const run = importTestdata('seed-000_cba8d662fb279400.txt').runs.find((each) => each.source?.tool === 'httperf');

  it('sets the load from the echoed command', () => {
    expect(run?.load).toEqual({
      mode: 'conn-rate',
      threads: null,
      connections: 1000,
      durationMs: null,
      ratePerSec: 10,
      keepAlive: null,
      timeoutMs: null,
      intervalMs: null,
      connRate: { numConns: 1000, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } },
    });
    expect(run?.target).toEqual({ url: 'http://localhost:7878/', method: 'GET', headers: [], bodyBytes: 0 });
  });

  it('fills what httperf prints, status counts by class, and leaves distributions unknown', () => {
    const summary = run?.summary;
    expect(summary).toMatchObject({ requests: 1000, durationMs: 99_901, bytesRead: 99_000, statusCounts: { '1xx': 0, '2xx': 1000, '3xx': 0, '4xx': 0, '5xx': 0 }, threadReqPerSec: null, uncorrectedLatencyUs: null });
    expect(summary?.reqPerSec).toBeCloseTo(1000 / 99.901, 9);
    expect(summary?.latencyUs).toMatchObject({ count: 1000, mean: null, p50: null, p99: null });
    expect(summary?.connRate).toMatchObject({
      started: 1000,
      completed: 1000,
      peakConcurrent: 1,
      maxConnectBurst: 1,
      requestBytes: 62,
      replyHeaderBytes: 97_000,
      replyContentBytes: 2000,
      bytesSent: 62_000,
      replyRate: { min: 10, mean: 10, max: 10, stdev: 0, samples: 19 },
      cpuUserS: 8.13,
      cpuSystemS: 91.76,
    });
    expect(summary?.connRate?.lifetimeUs).toMatchObject({ count: 1000, min: 300, mean: 500, max: 1700, p50: 500, stdev: 100, p99: null });
    expect(summary?.connRate?.responseUs).toMatchObject({ count: 1000, mean: 500, p50: null });
    expect(run?.histograms).toEqual({ correctedUs: null, uncorrectedUs: null });
  });

  it('counts errors by kind', () => {
    const [rails] = (() => {
      const lines = testdataLines('godfat-bench-readme.md');
      const chunk = scanReports(lines.slice(0, 100))[0];
      if (!chunk) throw new Error('no report');
      return [httperfDraft(readHttperfReport(lines, chunk.start, chunk.end), null, '')];
    })();
    expect(rails?.body.summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 69, status: 0 });
    expect(rails?.body.summary.connRate?.errors).toEqual({ clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 69 });
    expect(rails?.body.load).toMatchObject({ timeoutMs: 60_000, connRate: { numConns: 1000, numCalls: 10 } });
  });

  it('an interrupted run: no connection completed, so no lifetime figures', () => {
    const [interrupted] = importTestdata('async-micro-bench-threaded-sinatra.md').runs;
    expect(interrupted?.summary.connRate?.completed).toBe(0);
    expect(interrupted?.summary.connRate?.lifetimeUs).toMatchObject({ count: 0, mean: null, min: null });
    expect(interrupted?.title).toBe('Httperf');
  });

  it('a report pasted from "Total:" on, with no command: the target is unknown', () => {
    const lines = splitLines(readReportFromTotal());
    const [chunk] = scanReports(lines);
    if (!chunk) throw new Error('no report');
    const draft = httperfDraft(readHttperfReport(lines, chunk.start, chunk.end), null, '');
    expect(draft.body.target.url).toBe('');
    expect(draft.body.load).toMatchObject({ connections: null, ratePerSec: null });
    expect(draft.body.load.connRate).toBeUndefined();
  });

  it('`loadlab httperf` keeps its tool', () => {
    const lines = splitLines(`loadlab httperf --server=127.0.0.1 --port=8080 --uri=/ --period=e0.1 --num-conns=10 --num-calls=1 --timeout=5\n${readReportFromTotal()}`);
    const [chunk] = scanReports(lines);
    if (!chunk) throw new Error('no report');
    const draft = httperfDraft(readHttperfReport(lines, chunk.start, chunk.end), readCommand('loadlab httperf --server 127.0.0.1'), '');
    expect(draft.tool).toBe('loadlab');
    expect(draft.body.load).toMatchObject({ ratePerSec: 10, timeoutMs: 5000, connRate: { spacing: { kind: 'exponential', meanMs: 100 } } });
  });
});

/** The seed's httperf report from its "Total:" line on. */
function readReportFromTotal(): string {
  const lines = testdataLines('seed-000_cba8d662fb279400.txt');
  const from = lines.findIndex((line) => line.text.startsWith('Total: connections'));
  const to = lines.findIndex((line) => line.text.startsWith('Errors: fd-unavail'));
  return lines
    .slice(from, to + 1)
    .map((line) => line.text)
    .join('\n');
}

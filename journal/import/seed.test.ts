// The seed journal (testdata/seed-000_cba8d662fb279400.txt): one run per report, each with the
// figures that report shows, nothing more.
import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../common/runRecord.ts';
import { IMPORTED_AT, importTestdata, readTestdata } from './testdataFiles.ts';

const SEED = 'seed-000_cba8d662fb279400.txt';
const { format, runs, warnings } = importTestdata(SEED, 'journal.txt');

interface WrkExpectation {
  title: string;
  ratePerSec: number;
  requests: number;
  durationMs: number;
  reqPerSec: number;
  /** As printed: "3.26MB" and "110.61KB". */
  bytesRead: number;
  transferPerSec: number;
  /** Avg, Stdev, Max, +/- Stdev of the Latency row. */
  latency: [number, number, number, number];
  readErrors: number;
  startedAt: string | null;
  notes: string;
}

const MB = 1024 * 1024;
const KB = 1024;
const CHANNEL_NOTES = 'thread_pool3\nPassing TcpStream and handle_request function pointer to channel.';
const WRK_RUNS: [number, WrkExpectation][] = [
  [0, { title: '004 - 2024-10-17', ratePerSec: 1000, requests: 29_974, durationMs: 30_170, reqPerSec: 993.57, bytesRead: 3.26 * MB, transferPerSec: 110.61 * KB, latency: [1100, 559.72, 4120, 69.86], readErrors: 0, startedAt: '2024-10-17', notes: 'Enable keep-alive by default. Only close if Connection: close is received.' }],
  [1, { title: 'Each thread with its own channel #1', ratePerSec: 1000, requests: 29_674, durationMs: 30_170, reqPerSec: 983.58, bytesRead: 2.78 * MB, transferPerSec: 94.51 * KB, latency: [50_190, 182_980, 1_200_000, 96.17], readErrors: 182, startedAt: '2024-10-14', notes: CHANNEL_NOTES }],
  [2, { title: 'thread_pool3', ratePerSec: 1000, requests: 29_913, durationMs: 30_100, reqPerSec: 993.83, bytesRead: 2.82 * MB, transferPerSec: 95.99 * KB, latency: [111_680, 125_080, 334_590, 72.94], readErrors: 28, startedAt: '2024-10-14', notes: CHANNEL_NOTES }],
  [3, { title: '001 - 2024-10-13', ratePerSec: 200, requests: 6237, durationMs: 30_170, reqPerSec: 206.72, bytesRead: 565.58 * KB, transferPerSec: 18.75 * KB, latency: [1900, 1950, 11_690, 85.25], readErrors: 387, startedAt: '2024-10-13', notes: 'Requests/sec:    206.72' }],
  [4, { title: '002 — wrk -t12 -c400 -d30s -R1000 http://localhost:7878/', ratePerSec: 1000, requests: 29_974, durationMs: 30_170, reqPerSec: 993.61, bytesRead: 2.66 * MB, transferPerSec: 90.34 * KB, latency: [1490, 1430, 12_430, 88.87], readErrors: 1784, startedAt: '2024-10-14', notes: 'Requests/sec: 993.61\n\nhttperf' }],
  [6, { title: 'Thread Per Request', ratePerSec: 1000, requests: 29_907, durationMs: 30_170, reqPerSec: 991.39, bytesRead: 2.78 * MB, transferPerSec: 94.45 * KB, latency: [46_490, 153_920, 992_770, 92.49], readErrors: 435, startedAt: '2024-10-14', notes: '' }],
];

/** The contents of the journal's fenced blocks, in order. */
function fencedBlocks(): string[] {
  return [...readTestdata(SEED).matchAll(/```(?:txt)?\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '');
}

describe('importing the seed journal', () => {
  it('gives one run per report: six wrk2, one httperf, nothing from the prose', () => {
    expect(format).toBe('markdown');
    expect(warnings).toEqual([]);
    expect(runs.map((run) => run.source?.tool)).toEqual(['wrk2', 'wrk2', 'wrk2', 'wrk2', 'wrk2', 'httperf', 'wrk2']);
  });

  it('keeps each report exactly as pasted, command line included', () => {
    expect(runs.map((run) => run.source?.text)).toEqual(fencedBlocks());
    for (const run of runs) expect(run.source).toMatchObject({ file: 'journal.txt', importedAt: IMPORTED_AT });
  });

  it('gives valid, distinct, stable ids', () => {
    for (const run of runs) expect(() => runRecordSchema.parse(run)).not.toThrow();
    expect(new Set(runs.map((run) => run.id)).size).toBe(7);
    expect(importTestdata(SEED, 'other-name.md').runs.map((run) => run.id)).toEqual(runs.map((run) => run.id));
  });

  it.each(WRK_RUNS)('run %i: the wrk2 report\'s own figures', (index, expected) => {
    const run = runs[index];
    expect(run?.title).toBe(expected.title);
    expect(run?.notes).toBe(expected.notes);
    expect(run?.startedAt).toBe(expected.startedAt);
    expect(run?.load).toEqual({ mode: 'rate', threads: 12, connections: 400, durationMs: 30_000, ratePerSec: expected.ratePerSec, keepAlive: null, timeoutMs: null, intervalMs: null });
    expect(run?.target).toEqual({ url: 'http://localhost:7878/', method: 'GET', headers: [], bodyBytes: 0 });
    const summary = run?.summary;
    expect(summary?.requests).toBe(expected.requests);
    expect(summary?.durationMs).toBe(expected.durationMs);
    expect(summary?.reqPerSec).toBe(expected.reqPerSec);
    expect(summary?.bytesRead).toBe(Math.round(expected.bytesRead));
    expect(summary?.transferPerSec).toBeCloseTo(expected.transferPerSec, 6);
    expect(summary?.errors).toEqual({ connect: 0, read: expected.readErrors, write: 0, timeout: 0, status: 0 });
    const [mean, stdev, max, within] = expected.latency;
    // No --latency: the Latency row only; no percentile, no histogram.
    expect(summary?.latencyUs).toEqual({ count: expected.requests, min: null, mean, stdev, max, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: within });
    expect(run?.histograms).toEqual({ correctedUs: null, uncorrectedUs: null });
    expect(summary).toMatchObject({ uncorrectedLatencyUs: null, statusCounts: null, serverCloses: null, inFlightAtEnd: null, unsent: null });
    // The Req/Sec row is kept; wrk never prints how many samples it comes from.
    expect(summary?.threadReqPerSec?.samples).toBeNull();
    expect(summary?.threadReqPerSec?.mean).not.toBeNull();
    expect(run).toMatchObject({ env: null, finishedAt: null, stoppedEarly: null, series: [], tags: [] });
  });

  it("run 5: httperf's reply rate as printed, its load from the echoed command", () => {
    const run = runs[5];
    expect(run?.title).toBe('002 — httperf --server localhost --port 7878 --num-conns 1000 --rate 10');
    expect(run?.notes).toBe('Requests/sec: 993.61\n\nhttperf');
    expect(run?.startedAt).toBe('2024-10-14');
    expect(run?.summary.connRate?.replyRate).toEqual({ min: 10, mean: 10, max: 10, stdev: 0, samples: 19 });
    expect(run?.summary).toMatchObject({ requests: 1000, durationMs: 99_901, statusCounts: { '2xx': 1000 } });
    expect(run?.summary.latencyUs).toMatchObject({ p50: null, p99: null });
    expect(run?.load).toMatchObject({ mode: 'conn-rate', ratePerSec: 10, connections: 1000 });
  });
});

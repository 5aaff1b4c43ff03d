// Unanswered requests (coordinated omission at the end of the run): a server that answers the
// first N requests and then stalls. Every scheduled request without a response enters the
// corrected latency as a censored value, completion is answered / scheduled, and the wrk2 report
// gets one added line with the "≥" bounds. Figures from the schedule, not the wall clock.
import { describe, expect, it } from 'vitest';
import { runHeaderOf } from '../../common/runHeader.ts';
import { headlineLines } from '../../common/report/headline.ts';
import { formatWrkReport } from '../../common/report/wrkReport.ts';
import { measuredRunRecordSchema } from '../../common/runRecord.ts';
import { startRun } from '../run.ts';
import { refusedPort, startRawServer, testConfig } from './servers.ts';

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';

/** Answers requests 1..n, then never answers again (the connection stays open). */
function answerFirst(n: number) {
  return startRawServer((socket, index) => {
    if (index <= n) socket.write(OK);
  });
}

describe('unanswered requests (loopback)', () => {
  // -R200 over 4 connections for 1 s: each connection has a slot every 20 ms (phases 0, 5, 10,
  // 15 ms), 50 slots each, 200 in all. The first 20 requests are answered; the next one on each
  // connection (intended at about 100 ms) stalls until the end, so 4 are in flight and the other
  // 176 slots are never sent. Their censored waits run from about 0 to 900 ms.
  it('a server that stalls after 20 requests: completion 10 %, every percentile a lower bound, the report line', async () => {
    const server = await answerFirst(20);
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 4, durationMs: 1000, ratePerSec: 200, timeoutMs: 10_000 })).result;
      const { summary } = record;
      expect(summary.requests).toBe(20);
      expect(summary.inFlightAtEnd).toBe(4);
      expect(summary.unsent).toBe(176);
      expect(summary.scheduled).toBe(200);
      expect(summary.unanswered).toEqual({ count: 180, failed: 0 });
      expect(summary.completion).toBe(0.1);
      expect(record.histograms.unansweredUs).toEqual(expect.any(String));

      const bounded = summary.latencyWithUnansweredUs;
      if (!bounded) throw new Error('unanswered requests must give bounded figures');
      expect(bounded.count).toBe(200);
      // Rank 100 of 200 lies past the 20 answered values: p50 is a lower bound, about 400 ms.
      expect(bounded.lowerBounds).toEqual(['mean', 'p50', 'p75', 'p90', 'p99', 'p999', 'p9999', 'p99999', 'max']);
      expect(bounded.p50).toBeGreaterThan(200_000);
      expect(bounded.max).toBeGreaterThan(850_000);
      // The answered requests' own figures stay what wrk2 would print.
      expect(summary.latencyUs.count).toBe(20);
      expect(summary.latencyUs.max).toBeLessThan(bounded.p50 ?? 0);

      const lines = formatWrkReport(record, { latency: true, uncorrectedLatency: false }).trimEnd().split('\n');
      // wrk2's lines stay as wrk2 prints them (answered requests); the one added line comes last.
      expect(lines.filter((line) => /^ {2}20 requests in \S+, \S+ read$/.test(line))).toHaveLength(1);
      expect(lines.filter((line) => line.includes('≥'))).toHaveLength(1);
      const added = lines.at(-1) ?? '';
      expect(lines.at(-2)).toMatch(/^Transfer\/sec:/);
      expect(added).toMatch(/^Unanswered: 180 of 200 scheduled \(completion 10\.0 % ⚠, below 99 %\); counted at their wait so far: p50 ≥ \d/);
      expect(added).toMatch(/p99 ≥ .*max ≥ /);

      const header = runHeaderOf(record);
      expect(header).toMatchObject({ completion: 0.1, unanswered: 180, p50Us: bounded.p50, p99Us: bounded.p99 });
      expect(header.latencyLowerBounds).toContain('p50');
    } finally {
      await server.close();
    }
  });

  // Max mode has no schedule: completion is answered / sent. 2 connections, 20 answers, then
  // each connection's next request stalls: 22 sent, 2 in flight.
  it('max mode: completion is answered / sent', async () => {
    const server = await answerFirst(20);
    try {
      const { summary } = await startRun(testConfig(server.url, { threads: 1, connections: 2, durationMs: 300, ratePerSec: null, timeoutMs: 10_000 })).result;
      expect(summary.requests).toBe(20);
      expect(summary.scheduled).toBe(22);
      expect(summary.unanswered).toEqual({ count: 2, failed: 0 });
      expect(summary.completion).toBeCloseTo(20 / 22, 10);
      expect(summary.latencyWithUnansweredUs?.lowerBounds).toContain('max');
    } finally {
      await server.close();
    }
  });

  // A request that times out was sent and never answered: it is given up ("failed"), counts
  // against completion and enters the censored values at its timeout, never twice.
  it('timed-out requests count as unanswered, once each', async () => {
    const server = await answerFirst(5);
    try {
      const { summary } = await startRun(testConfig(server.url, { threads: 1, connections: 1, durationMs: 1000, ratePerSec: 20, timeoutMs: 100 })).result;
      expect(summary.requests).toBe(5);
      expect(summary.errors.timeout).toBeGreaterThanOrEqual(1);
      expect(summary.unanswered?.failed).toBe(summary.errors.timeout);
      expect(summary.scheduled).toBe(20);
      expect(summary.requests + (summary.unanswered?.count ?? 0)).toBe(20);
    } finally {
      await server.close();
    }
  });

  it('no response at all: latency unknown (null) in the record and in show, completion 0', async () => {
    const port = await refusedPort();
    const record = await startRun(testConfig(`http://127.0.0.1:${port}/`, { threads: 1, connections: 2, durationMs: 500, ratePerSec: 100, timeoutMs: 1000 })).result;
    expect(measuredRunRecordSchema.safeParse(record).success).toBe(true);
    const { summary } = record;
    expect(summary.requests).toBe(0);
    expect(summary.latencyUs).toEqual({ count: 0, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null });
    expect(summary.uncorrectedLatencyUs?.p99).toBeNull();
    expect(summary.latencyWithUnansweredUs).toBeNull();
    expect(summary.scheduled).toBe(50);
    expect(summary.completion).toBe(0);
    for (const point of record.series) expect(point.latencyUs).toBeNull();

    const header = runHeaderOf(record);
    expect([header.p50Us, header.p99Us, header.maxUs]).toEqual([null, null, null]);
    expect(headlineLines(record)).toContain('latency:    unknown (no response)');
    expect(formatWrkReport(record, { latency: false, uncorrectedLatency: false })).toMatch(/\nUnanswered: 50 of 50 scheduled \(completion 0\.0 % ⚠, below 99 %\); no response, so latency is unknown\n$/);
  });
});

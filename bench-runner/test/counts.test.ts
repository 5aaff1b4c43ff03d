// Integration: what the load generator counts against what a loopback server saw.
import { describe, expect, it } from 'vitest';
import { startRun, type LiveSample } from '../run.ts';
import { settle, startHttpServer, startRawServer, testConfig } from './servers.ts';

describe('request counts (loopback)', () => {
  it('max mode: every request the server received is answered and counted, or reported in flight', async () => {
    const server = await startHttpServer();
    try {
      const samples: LiveSample[] = [];
      const record = await startRun(
        testConfig(server.url, { threads: 2, connections: 8, durationMs: 1500, intervalMs: 500 }),
        { onSample: (sample) => samples.push(sample) },
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(100);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.inFlightAtEnd).toBeLessThanOrEqual(8);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(summary.serverCloses).toBe(0);
      expect(summary.unsent).toBe(0);
      expect(summary.uncorrectedLatencyUs).toBeNull();
      expect(summary.latencyUs.count).toBe(summary.requests);
      // Keep-alive: one connection each, never replaced.
      expect(server.counters.connections).toBe(8);

      // One series point per 500 ms interval of the 1.5 s run, adding up to the total. (A worker
      // whose interval timer fires just before its end timer adds a fourth, empty point: an
      // engine bug this catches now and then, not reliably.)
      expect(record.series.map((point) => Math.round(point.tMs / 500))).toEqual([1, 2, 3]);
      expect(record.series.reduce((sum, point) => sum + point.requests, 0)).toBe(summary.requests);
      expect(record.series.reduce((sum, point) => sum + point.errors, 0)).toBe(0);
      for (const point of record.series) expect(point.requests).toBeGreaterThan(0);
      // The live samples are the same points, in order; the last running total is the total.
      expect(samples.map((sample) => sample.point)).toEqual(record.series);
      expect(samples.at(-1)?.totalRequests).toBe(summary.requests);
      expect(record.stoppedEarly).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('rate mode: -R 1000 over 10 connections for 3 s sends the schedule, no more, no less', async () => {
    const server = await startHttpServer();
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 2, connections: 10, durationMs: 3000, ratePerSec: 1000 }),
      ).result;
      await settle();
      const { summary } = record;

      // Each connection's slots are 10 ms apart with phases 0..9 ms: ceil((3000 - i) / 10) = 300
      // slots each, 3000 in all. Every slot is answered, in flight at the end, or unsent.
      expect(summary.requests + summary.inFlightAtEnd + summary.unsent).toBe(3000);
      expect(Math.abs(summary.requests - 3000)).toBeLessThanOrEqual(60);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(Math.abs(summary.reqPerSec - 1000)).toBeLessThanOrEqual(20);
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });

      expect(summary.uncorrectedLatencyUs).not.toBeNull();
      expect(summary.uncorrectedLatencyUs?.count).toBe(summary.requests);
      expect(summary.latencyUs.count).toBe(summary.requests);
      expect(record.histograms.uncorrectedUs).not.toBeNull();
      // Latency from the intended time is never shorter than latency from the send.
      expect(summary.latencyUs.p50).toBeGreaterThanOrEqual(summary.uncorrectedLatencyUs?.p50 ?? Infinity);
      expect(summary.latencyUs.max).toBeGreaterThanOrEqual(summary.uncorrectedLatencyUs?.max ?? Infinity);
    } finally {
      await server.close();
    }
  });

  it('every 10th response a 500: counted as status errors, exactly', async () => {
    let served500 = 0;
    const server = await startHttpServer((_req, res, index) => {
      if (index % 10 === 0) served500++;
      res.statusCode = index % 10 === 0 ? 500 : 200;
      res.end('x');
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 2, connections: 4, durationMs: 1500 })).result;
      await settle();
      const { summary } = record;
      const errors500 = summary.statusCounts['500'] ?? 0;

      expect(summary.requests).toBeGreaterThan(100);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.errors.status).toBe(errors500);
      // Every 500 the server sent was counted, except those whose answer was still in flight at
      // the end. So the count is floor or ceil of requests / 10, or one less when one of the
      // last requests, answered by the server but not yet read, was a 500 (the two threads
      // finish their connections in no common order).
      expect(served500).toBe(Math.floor(server.counters.requests / 10));
      expect(errors500).toBeLessThanOrEqual(served500);
      expect(errors500).toBeGreaterThanOrEqual(served500 - summary.inFlightAtEnd);
      expect(errors500).toBeGreaterThanOrEqual(Math.floor(summary.requests / 10) - 1);
      expect(errors500).toBeLessThanOrEqual(Math.ceil(summary.requests / 10));
      expect(summary.statusCounts['200']).toBe(summary.requests - errors500);
      expect(Object.keys(summary.statusCounts).sort()).toEqual(['200', '500']);
      expect({ ...summary.errors, status: 0 }).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(record.series.reduce((sum, point) => sum + point.errors, 0)).toBe(errors500);
      // A 500 with keep-alive is an answer: the connection stays.
      expect(server.counters.connections).toBe(4);
    } finally {
      await server.close();
    }
  });

  // The natural end of a run, two properties that each depend on timer precision:
  //
  // 1. Regression: the end of a run is armed with setTimeout, and Node timers fire up to about a
  //    millisecond before the performance clock says the delay has passed (libuv keeps whole
  //    milliseconds). Unless the worker re-checks the clock (worker/loadWorker.ts, armEndTimer),
  //    the run stops short of its duration: summary.durationMs < durationMs, and schedule slots
  //    in the last fraction of a millisecond are neither sent nor counted as unsent. With
  //    100 000 req/s a slot falls every 10 µs, so any early end shows. The server never
  //    answers: 1 request is in flight, the rest are unsent.
  // 2. Engine bug: the interval timer (postInterval) and the end timer both fall due at the end
  //    of the run. When the interval timer wins, it posts the last interval as an ordinary
  //    snapshot and stop() then posts a final one a fraction of a millisecond long, so the series
  //    gets one point too many (here 2 points for one 100 ms interval).
  // Each shows in a fraction of the runs (about half for 1, a sixth for 2), so the run is
  // repeated up to 15 times, stopping at the first that shows either.
  it('rate mode: a run that ends on its own lasts its duration, accounts for every slot, one point per interval', async () => {
    const server = await startRawServer(() => undefined);
    try {
      const missingSlots: number[] = [];
      const seriesLengths: number[] = [];
      let shortestMs = Infinity;
      for (let run = 0; run < 15; run++) {
        const { summary, series } = await startRun(
          testConfig(server.url, {
            threads: 1,
            connections: 1,
            durationMs: 100,
            intervalMs: 100,
            ratePerSec: 100_000,
            timeoutMs: 5000,
          }),
        ).result;
        expect(summary.requests).toBe(0);
        // One request in flight, or none when the connect itself outlasted the 100 ms run (a loaded machine).
        expect(summary.inFlightAtEnd).toBeLessThanOrEqual(1);
        missingSlots.push(10_000 - (summary.requests + summary.inFlightAtEnd + summary.unsent));
        seriesLengths.push(series.length);
        shortestMs = Math.min(shortestMs, summary.durationMs);
        if (missingSlots.at(-1) !== 0 || shortestMs < 100 || series.length !== 1) break;
      }
      expect(missingSlots.filter((missing) => missing !== 0)).toEqual([]);
      expect(shortestMs).toBeGreaterThanOrEqual(100 - 0.01);
      expect(seriesLengths.filter((length) => length !== 1)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

// Integration: the connection rate the server sees, timed where the connections arrive (the
// server's 'connection' event), is the rate asked for, within 1%, at 10/s and at 1,000/s.
//
// On this shared 2-core machine, the generator or the server thread is sometimes stalled for
// 10–300 ms. You can see it in the record as bursts of 15–144 connections opened at once to
// catch up. When such a stall hits the very first or the very last connection, it moves
// (n − 1) / (last − first) by up to a few percent over a 2 s schedule, although the schedule
// itself never drifted. So the 1% check reads the ends of the schedule from the lower envelope
// of the arrivals (envelopeArrivalRatePerSec). The single-arrival figure is only checked within
// 10%, to catch gross failures.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { arrivalRatePerSec, envelopeArrivalRatePerSec, settle, startArrivalServer, testConfig } from './servers.ts';

const TOLERANCE = 0.01;

describe('connection-rate accuracy (loopback)', () => {
  it.each([
    // rate/s, connections (a 2 s schedule), threads
    [10, 21, 1],
    [1000, 2000, 1],
    [1000, 2000, 2],
  ])('%d conn/s (%d connections, %d threads): arrivals within 1%% of the rate', async (ratePerSec, numConns, threads) => {
    const server = await startArrivalServer();
    try {
      const record = await startRun(
        testConfig(server.url, { threads, connRate: { numConns, numCalls: 1, spacing: { kind: 'fixed', ratePerSec } } }),
      ).result;
      await settle();
      const { summary, load } = record;
      const conn = summary.connRate;
      if (!conn) throw new Error('no summary.connRate in a connection-rate run');

      // Everything started, answered and seen, with no errors.
      expect(conn.started).toBe(numConns);
      expect(conn.completed).toBe(numConns);
      expect(summary.requests).toBe(numConns);
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(server.counters.connections).toBe(numConns);
      expect(server.arrivalsMs).toHaveLength(numConns);

      // What the server saw: (n − 1) arrivals after the first, over the time they took.
      expect(Math.abs(envelopeArrivalRatePerSec(server.arrivalsMs, ratePerSec) / ratePerSec - 1)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(arrivalRatePerSec(server.arrivalsMs) / ratePerSec - 1)).toBeLessThanOrEqual(0.1);

      // The record's own figures: started over the schedule's span (n − 1 gaps), as asked.
      const spanS = load.durationMs / 1000;
      expect(load.durationMs).toBe(Math.round(((numConns - 1) * 1000) / ratePerSec));
      expect(Math.abs((conn.started - 1) / spanS / ratePerSec - 1)).toBeLessThanOrEqual(TOLERANCE);
      // The measured duration runs from the start to the end of the last connection, so it is
      // a little longer.
      expect(summary.durationMs).toBeGreaterThanOrEqual(load.durationMs);
      expect(Math.abs((conn.started - 1) / (summary.durationMs / 1000) / ratePerSec - 1)).toBeLessThanOrEqual(0.1);
    } finally {
      await server.close();
    }
  });
});

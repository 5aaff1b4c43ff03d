// Coordinated omission: a 1 s server stall must show in the corrected latency, as wrk2 shows it.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { nowMs, startHttpServer, testConfig } from './servers.ts';

const PAUSE_FROM_MS = 3000;
const PAUSE_UNTIL_MS = 4000;

describe('coordinated omission (loopback)', () => {
  // -R 1000 over 10 connections for 10 s: each connection has a slot every 10 ms (phases 0..9
  // ms), 10 000 slots in all. The server holds every response to a request that arrives between
  // 3 s and 4 s after the first request, and answers them all at 4 s.
  //
  // Expected figures:
  // - Each connection sends one request at about 3.00 s and then waits (one request at a time);
  //   its ~100 slots from 3 s to 4 s pile up and are sent back to back after the release.
  // - Corrected latency counts from the slot: a slot at 3 + x s completes at about 4 s, so
  //   latency ≈ 1 - x s (plus the short catch-up). The 1000 slots of the stall spread evenly
  //   over 0..1 s: 10 % of all requests.
  // - Corrected p99 is the 100th largest of 10 000: the slot ≈ 0.1 s into the stall, ≈ 0.9 s.
  //   Corrected max ≈ 1 s (the first slot of the stall).
  // - Uncorrected latency counts from the actual send: only the 10 held requests (0.1 % of all)
  //   waited ≈ 1 s; the catch-up requests were sent and answered at once. So uncorrected p99
  //   stays at loopback latency (well under 50 ms); p99.9 sits right at the edge of the 10 held
  //   requests (the 9 990th of ~10 000 values), so it is not asserted; p99.99 and max are ≈ 1 s.
  //   A tool that only measures from the send would report the stall as ten slow requests.
  it('a 1 s stall at 3 s: corrected p99 ≈ 0.9 s and max ≈ 1 s, uncorrected p99 small, max ≈ 1 s', async () => {
    let firstSeenMs: number | null = null;
    const held = new Set<NodeJS.Timeout>();
    const server = await startHttpServer((_req, res) => {
      const now = nowMs();
      firstSeenMs ??= now;
      const elapsedMs = now - firstSeenMs;
      if (elapsedMs < PAUSE_FROM_MS || elapsedMs >= PAUSE_UNTIL_MS) {
        res.end('ok');
        return;
      }
      const timer = setTimeout(() => {
        held.delete(timer);
        res.end('ok');
      }, PAUSE_UNTIL_MS - elapsedMs);
      held.add(timer);
    });
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 2, connections: 10, durationMs: 10_000, ratePerSec: 1000, timeoutMs: 5000 }),
      ).result;
      const { summary } = record;
      const uncorrected = summary.uncorrectedLatencyUs;
      if (uncorrected === null) throw new Error('rate mode must keep the uncorrected latency');

      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(Math.abs(summary.requests - 10_000)).toBeLessThanOrEqual(200);
      expect(summary.latencyUs.count).toBe(summary.requests);
      expect(uncorrected.count).toBe(summary.requests);

      // Corrected (µs).
      expect(summary.latencyUs.p99).toBeGreaterThanOrEqual(750_000);
      expect(summary.latencyUs.p99).toBeLessThanOrEqual(1_000_000);
      expect(summary.latencyUs.max).toBeGreaterThanOrEqual(900_000);
      expect(summary.latencyUs.max).toBeLessThanOrEqual(1_250_000);
      // Only the 10 % of requests in the stall are slow: the bulk stays at loopback latency.
      expect(summary.latencyUs.p75).toBeLessThan(50_000);

      // Uncorrected (µs).
      expect(uncorrected.p99).toBeLessThan(50_000);
      expect(uncorrected.max).toBeGreaterThanOrEqual(900_000);
      expect(uncorrected.max).toBeLessThanOrEqual(1_250_000);
      expect(uncorrected.p9999).toBeGreaterThanOrEqual(900_000);

      // The whole stall shows in the series too: the interval that ends after the release holds
      // the big corrected latencies.
      const worst = Math.max(...record.series.map((point) => point.latencyUs?.max ?? 0));
      expect(worst).toBe(summary.latencyUs.max);
    } finally {
      for (const timer of held) clearTimeout(timer);
      await server.close();
    }
  });
});

// The sweep driver against a synthetic server whose capacity is known.
import { describe, expect, it } from 'vitest';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { runSweep, type SweepPlan } from './sweep.ts';
import { geometricRates } from './sweepPlan.ts';

const base = simulatedRecord({ ratePerSec: 100, durationMs: 1000 });

/** A 10 s step's record with the figures the knee rule reads; unsent requests make the latency a lower bound. */
function stepRecord(figures: { ratePerSec: number; requests: number; reqPerSec: number; p99Us: number; unsent: number }): RunRecord {
  const scheduled = figures.requests + figures.unsent;
  const latency = { ...base.summary.latencyUs, p99: figures.p99Us };
  return {
    ...base,
    load: { ...base.load, ratePerSec: figures.ratePerSec, durationMs: 10_000 },
    summary: {
      ...base.summary,
      requests: figures.requests,
      reqPerSec: figures.reqPerSec,
      latencyUs: latency,
      inFlightAtEnd: 0,
      unsent: figures.unsent,
      scheduled,
      completion: figures.requests / scheduled,
      unanswered: { count: figures.unsent, failed: 0 },
      latencyWithUnansweredUs:
        figures.unsent === 0
          ? null
          : { count: scheduled, mean: latency.mean, p50: latency.p50, p75: latency.p75, p90: latency.p90, p99: latency.p99, p999: latency.p999, p9999: latency.p9999, p99999: latency.p99999, max: latency.max, lowerBounds: ['mean', 'p99', 'p999', 'p9999', 'p99999', 'max'] },
    },
  };
}

/**
 * A server that answers everything up to `capacityPerSec` with a p99 that grows like an M/M/1
 * queue's, and past it answers only `capacityPerSec`, leaving the rest unanswered.
 */
function syntheticRun(capacityPerSec: number) {
  return (targetPerSec: number): RunRecord => {
    const achieved = Math.min(targetPerSec, capacityPerSec);
    const utilisation = Math.min(0.999, targetPerSec / capacityPerSec);
    const p99Us = Math.round(1000 / (1 - utilisation));
    const requests = Math.round(achieved * 10);
    const scheduled = Math.round(targetPerSec * 10);
    return stepRecord({ ratePerSec: targetPerSec, requests, reqPerSec: achieved, p99Us, unsent: scheduled - requests });
  };
}

const plan = (ratesPerSec: number[], refineSteps = 0): SweepPlan => ({ ratesPerSec, refineSteps, slo: null, errorLimitPct: 1 });

describe('runSweep', () => {
  it('stops one step past the point where the server gave out', async () => {
    const ran: number[] = [];
    const server = syntheticRun(1000);
    const result = await runSweep(plan([100, 200, 400, 800, 1600, 3200]), {
      runStep: async (rate) => {
        ran.push(rate);
        return server(rate);
      },
    });
    expect(ran).toEqual([100, 200, 400, 800, 1600]);
    expect(result.endedEarly).toEqual({ reason: 'gave-out', atPerSec: 1600 });
    // p99 at 800 req/s is 5× the lowest step's (1/(1−0.8) against 1/(1−0.1)): 400 is the knee.
    expect(result.knee.kneePerSec).toBe(400);
    expect(result.knee.highestAchievedPerSec).toBe(1000);
  });

  it('refines between the last good and the first bad rate', async () => {
    const ran: number[] = [];
    const server = syntheticRun(1000);
    const result = await runSweep(plan([100, 200, 400, 800, 1600], 3), {
      runStep: async (rate, kind) => {
        ran.push(rate);
        expect(kind).toBe(ran.length > 5 ? 'refine' : 'step');
        return server(rate);
      },
    });
    // 400 good, 800 bad → 600 (p99 2.5 ms: 2.25× the lowest, good) → 700 (3.0×: good) → 750 (3.6×: bad).
    expect(ran.slice(5)).toEqual([600, 700, 750]);
    expect(result.knee.kneePerSec).toBe(700);
    expect(result.steps.map((step) => step.outcome.targetPerSec)).toEqual([100, 200, 400, 600, 700, 750, 800, 1600]);
  });

  it('finds the knee near the capacity of a server that keeps its latency until it saturates', async () => {
    const capacity = 2000;
    const flat = (rate: number): RunRecord => {
      const achieved = Math.min(rate, capacity);
      return stepRecord({ ratePerSec: rate, requests: Math.round(achieved * 10), reqPerSec: achieved, p99Us: rate <= capacity ? 2000 : 900_000, unsent: Math.round(Math.max(0, rate - capacity) * 10) });
    };
    const result = await runSweep(plan(geometricRates(500, 8000, 9), 4), { runStep: async (rate) => flat(rate) });
    expect(result.knee.kneePerSec).toBeGreaterThanOrEqual(1900);
    expect(result.knee.kneePerSec).toBeLessThanOrEqual(2000);
  });

  it('ends when asked to stop, and does not refine', async () => {
    let runs = 0;
    const server = syntheticRun(1000);
    const result = await runSweep(plan([100, 200, 400], 3), {
      runStep: async (rate) => {
        runs++;
        return server(rate);
      },
      stopRequested: () => runs >= 2,
    });
    expect(runs).toBe(2);
    expect(result.endedEarly).toEqual({ reason: 'stopped' });
  });
});

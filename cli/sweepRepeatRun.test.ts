// The repeat driver of `loadlab sweep --repeat` with synthetic sweeps: a failed repeat ends the
// repeats, the finished ones are summarised, and the summary says how many of N ran.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import { runSweep } from '../experiments/sweep.ts';
import { sweepExperiment } from '../experiments/sweepRecord.ts';
import { runRepeatedSweeps } from './sweepRepeat.ts';

function output(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((call) => String(call[0])).join('');
}

const sweepOf = (repeat: number) =>
  runSweep<MeasuredRunRecord>(
    { ratesPerSec: [100, 200], refineSteps: 0, slo: null, errorLimitPct: 1 },
    { runStep: (rate) => Promise.resolve(simulatedRecord({ id: `r${repeat}-${rate}`, ratePerSec: rate, durationMs: 1000, seed: repeat + 1 })) },
  );

afterEach(() => vi.restoreAllMocks());

describe('runRepeatedSweeps', () => {
  it('ends at a failed repeat, keeps the finished one in the summary and exits 1', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const saved: string[] = [];
    const status = await runRepeatedSweeps({
      url: 'http://h/',
      repeats: 3,
      sweepOnce: (repeat) => (repeat === 1 ? Promise.reject(new Error('connection refused')) : sweepOf(repeat)),
      experimentOf: (result, repeat, groupTag) =>
        sweepExperiment(result, {
          title: `s (repeat ${repeat + 1} of 3)`,
          notes: '',
          tags: ['sweep', groupTag],
          plan: { url: 'http://h/', threads: 1, connections: 1, stepDurationMs: 1000, warmupMs: null, plannedRatesPerSec: [100, 200], refineSteps: 0, slo: null, errorLimitPct: 1 },
        }),
      save: (_result, experiment) => {
        saved.push(`${experiment.title} ${experiment.tags.join(',')}`);
        return Promise.resolve(true);
      },
      stopRequested: () => false,
    });
    expect(status).toBe(1);
    expect(saved).toEqual(['s (repeat 1 of 3) sweep,sweep-repeat-r0-100']);
    expect(output(stderr)).toContain('repeat 2 of 3 failed: connection refused');
    const text = output(stdout);
    expect(text.split('\n').filter((line) => line.startsWith('repeat '))).toHaveLength(1);
    expect(text).toMatch(/^http:\/\/h\/: 1 of 3 sweeps; /m);
    expect(text).toMatch(/^Repeat 2 failed\.$/m);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultDraft } from './draft.ts';
import { toSweepParams } from './toSweepParams.ts';

const sweep = { ...defaultDraft, mode: 'sweep' as const };

describe('toSweepParams', () => {
  it('turns a range into sweep.start params with the run form’s shared fields', () => {
    const result = toSweepParams({ ...sweep, sweepFrom: '100', sweepTo: '1k', sweepSteps: '4', stepDuration: '2s', warmup: '500ms', refine: '2', slo: ' p99=50ms ', threads: '1', connections: '8' });
    expect(result).toEqual({
      ok: true,
      params: expect.objectContaining({ target: { kind: 'builtin', path: '/' }, threads: 1, connections: 8, rates: { from: 100, to: 1000, steps: 4 }, stepDurationMs: 2000, warmupMs: 500, refineSteps: 2, slo: 'p99=50ms' }),
    });
  });

  it('prefers a rate list, and no warm-up or SLO when empty', () => {
    const result = toSweepParams({ ...sweep, sweepRates: '50, 100,1k', warmup: '', slo: '' });
    expect(result.ok && result.params).toMatchObject({ rates: [50, 100, 1000], warmupMs: null, slo: null });
  });

  it('names each bad field', () => {
    const result = toSweepParams({ ...sweep, sweepFrom: '500', sweepTo: '100', sweepSteps: '1', stepDuration: 'soon', warmup: 'x', refine: '-1' });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['sweepTo', 'sweepSteps', 'stepDuration', 'warmup', 'refine']));
    const list = toSweepParams({ ...sweep, sweepRates: '100, 50' });
    expect(list.ok ? [] : list.problems).toEqual([{ field: 'sweepRates', message: 'Rates: each must be higher than the one before' }]);
    const word = toSweepParams({ ...sweep, sweepRates: '100, lots' });
    expect(word.ok ? [] : word.problems).toEqual([{ field: 'sweepRates', message: 'Rates: "lots" is not a rate such as 500 or 2k' }]);
  });
});

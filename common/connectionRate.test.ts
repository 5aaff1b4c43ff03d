import { describe, expect, it } from 'vitest';
import { meanConnectionRatePerSec } from './connectionRate.ts';

describe('meanConnectionRatePerSec', () => {
  it.each([
    [{ kind: 'fixed', ratePerSec: 10 } as const, 10],
    [{ kind: 'uniform', minMs: 0, maxMs: 200 } as const, 10],
    [{ kind: 'exponential', meanMs: 50 } as const, 20],
  ])('%j → %d/s', (spacing, rate) => {
    expect(meanConnectionRatePerSec(spacing)).toBe(rate);
  });

  it('has no rate when every connection opens at once (was Infinity in bench-runner, which no record accepts)', () => {
    expect(meanConnectionRatePerSec({ kind: 'uniform', minMs: 0, maxMs: 0 })).toBeNull();
  });
});

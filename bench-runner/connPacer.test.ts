import { describe, expect, it } from 'vitest';
import { connectionOffsetsMs, paceConnections, seededRandom } from './connPacer.ts';

describe('connectionOffsetsMs', () => {
  it('fixed spacing: one every 1/rate, first at 0, no drift', () => {
    const offsets = connectionOffsetsMs({ kind: 'fixed', ratePerSec: 3 }, 3001);
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBeCloseTo(333.333, 3);
    expect(offsets[3000]).toBe(1_000_000);
  });

  it('uniform spacing stays inside [min, max] and averages their middle', () => {
    const offsets = connectionOffsetsMs({ kind: 'uniform', minMs: 5, maxMs: 15 }, 10_001, seededRandom(1));
    const gaps = Array.from(offsets.slice(1), (t, i) => t - (offsets[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15);
    expect((offsets[10_000] ?? 0) / 10_000).toBeCloseTo(10, 0);
  });

  it('exponential spacing: mean gap as asked, and gaps spread like Poisson arrivals', () => {
    const offsets = connectionOffsetsMs({ kind: 'exponential', meanMs: 4 }, 20_001, seededRandom(7));
    const gaps = Array.from(offsets.slice(1), (t, i) => t - (offsets[i] ?? 0));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(4.2);
    // For an exponential distribution about 63.2% of gaps are below the mean.
    const belowMean = gaps.filter((g) => g < 4).length / gaps.length;
    expect(belowMean).toBeGreaterThan(0.61);
    expect(belowMean).toBeLessThan(0.65);
  });

  it('the same seed gives the same schedule', () => {
    const a = connectionOffsetsMs({ kind: 'exponential', meanMs: 2 }, 100, seededRandom(42));
    const b = connectionOffsetsMs({ kind: 'exponential', meanMs: 2 }, 100, seededRandom(42));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it.each([
    ['no connections', { kind: 'fixed', ratePerSec: 10 } as const, 0],
    ['fractional count', { kind: 'fixed', ratePerSec: 10 } as const, 1.5],
    ['zero rate', { kind: 'fixed', ratePerSec: 0 } as const, 10],
    ['infinite rate', { kind: 'fixed', ratePerSec: Infinity } as const, 10],
    ['min above max', { kind: 'uniform', minMs: 5, maxMs: 1 } as const, 10],
    ['negative min', { kind: 'uniform', minMs: -1, maxMs: 1 } as const, 10],
    ['zero mean', { kind: 'exponential', meanMs: 0 } as const, 10],
  ])('rejects %s', (_name, spacing, numConns) => {
    expect(() => connectionOffsetsMs(spacing, numConns)).toThrow(RangeError);
  });
});

describe('paceConnections', () => {
  const offsets = Float64Array.from([0, 10, 20, 30]);
  it.each([
    // [elapsed ms, opened, expected]
    [0, 0, { kind: 'open', count: 1 }], // the first opens at once
    [5, 1, { kind: 'wait', waitMs: 5 }], // on schedule: wait for the next
    [10, 1, { kind: 'open', count: 1 }], // exactly due
    [25, 1, { kind: 'open', count: 2 }], // behind: open all that are due, now
    [100, 2, { kind: 'open', count: 2 }], // far behind: the rest at once
    [100, 4, { kind: 'done' }], // all started
  ])('at %d ms with %d opened', (elapsedMs, opened, expected) => {
    expect(paceConnections(offsets, elapsedMs, opened)).toEqual(expected);
  });
});

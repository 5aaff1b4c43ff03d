import { describe, expect, it } from 'vitest';
import { describeVerdict, noiseVerdict, permutationPValue, smallestPValue } from './bootstrap.ts';

const latencyWords = { up: 'slower', down: 'faster' };

/** Deterministic standard normal draws (Box–Muller over an LCG). */
function gaussians(seed: number): () => number {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

describe('permutationPValue', () => {
  it('is exact for small groups: fully separated groups of 4 give 2/70', () => {
    expect(permutationPValue([1, 2, 3, 4], [10, 11, 12, 13])).toBeCloseTo(2 / 70, 12);
    expect(smallestPValue(4, 4)).toBeCloseTo(2 / 70, 12);
  });

  it('is 1 when the groups have the same mean', () => {
    expect(permutationPValue([1, 3], [2, 2])).toBe(1);
  });

  it('samples splits for large groups and still finds a clear shift', () => {
    const a = Array.from({ length: 20 }, (_, i) => 100 + (i % 5));
    const b = Array.from({ length: 20 }, (_, i) => 110 + (i % 5));
    expect(permutationPValue(a, b)).toBeLessThan(0.001);
  });
});

describe('noiseVerdict', () => {
  it('finds a clear 20 % change and brackets it', () => {
    const verdict = noiseVerdict([100, 101, 99, 100, 102], [120, 119, 121, 122, 118]);
    expect(verdict.kind).toBe('different');
    if (verdict.kind !== 'different') return;
    expect(verdict.interval.ratio).toBeCloseTo(600 / 502, 6);
    expect(verdict.interval.low).toBeGreaterThan(1.15);
    expect(verdict.interval.high).toBeLessThan(1.25);
    expect(describeVerdict(verdict, 'B', latencyWords)).toMatch(/^B is 20 % slower \(95 % interval 1\d % – 2\d %\)$/);
  });

  it('says a fall as a reduction', () => {
    const verdict = noiseVerdict([200, 202, 198, 201], [100, 101, 99, 100]);
    expect(verdict.kind).toBe('different');
    expect(describeVerdict(verdict, 'pool', latencyWords)).toMatch(/^pool is 50 % faster \(95 % interval (49|50) % – 5\d %\)$/);
  });

  it('claims nothing when the runs overlap', () => {
    const verdict = noiseVerdict([100, 110, 90, 105], [105, 95, 100, 98]);
    expect(verdict.kind).toBe('no-difference');
    expect(describeVerdict(verdict, 'B', latencyWords)).toBe('no difference detectable with 4 runs each');
  });

  it('claims nothing for a small shift buried in noise', () => {
    expect(noiseVerdict([100, 130, 80, 115, 95], [104, 135, 82, 118, 99]).kind).toBe('no-difference');
  });

  it('says when no split of so few runs could show a difference', () => {
    const verdict = noiseVerdict([100, 100, 101], [200, 201, 199]);
    expect(verdict).toEqual({ kind: 'too-few-runs', runsA: 3, runsB: 3 });
    expect(describeVerdict(verdict, 'B', latencyWords)).toBe('too few runs for a verdict (3 and 3; 4 on each side can show a difference)');
  });

  it('has no ratio against a zero baseline', () => {
    expect(noiseVerdict([0, 0, 0, 0], [1, 2, 3, 4]).kind).toBe('undefined');
  });

  it('is a function of the data: the same runs give the same interval', () => {
    const a = [100, 104, 97, 103];
    const b = [108, 111, 105, 109];
    expect(noiseVerdict(a, b)).toEqual(noiseVerdict(a, b));
  });

  it('claims a difference at most about 5 % of the time when there is none', () => {
    const gaussian = gaussians(12345);
    for (const runs of [4, 6]) {
      let falseClaims = 0;
      for (let experiment = 0; experiment < 200; experiment++) {
        const a = Array.from({ length: runs }, () => 1000 + 50 * gaussian());
        const b = Array.from({ length: runs }, () => 1000 + 50 * gaussian());
        if (noiseVerdict(a, b, 2000).kind === 'different') falseClaims++;
      }
      // 5 % of 200 is 10; allow sampling error (binomial sd ≈ 3).
      expect(falseClaims, `${runs} runs a side`).toBeLessThanOrEqual(18);
    }
  });

  it('finds a real 10 % shift most of the time with 5 runs a side', () => {
    const gaussian = gaussians(777);
    let found = 0;
    for (let experiment = 0; experiment < 100; experiment++) {
      const a = Array.from({ length: 5 }, () => 1000 + 50 * gaussian());
      const b = Array.from({ length: 5 }, () => 1100 + 50 * gaussian());
      if (noiseVerdict(a, b, 2000).kind === 'different') found++;
    }
    expect(found).toBeGreaterThan(60);
  });
});

import { describe, expect, it } from 'vitest';
import { formatSlo, judgeSlo, parseSlo, type SloFigures } from './slo.ts';

function figures(overrides: Partial<SloFigures> = {}): SloFigures {
  return {
    latencyUs: { mean: 1200, p50: 1000, p75: 1500, p90: 2000, p99: 40_000, p999: 80_000, p9999: 90_000, max: 100_000 },
    latencyLowerBounds: [],
    errorsPct: 0.05,
    completionPct: 100,
    reqPerSec: 1000,
    ...overrides,
  };
}

describe('parseSlo', () => {
  it('reads the forms the README shows', () => {
    expect(parseSlo('p99=50ms,errors=0.1%')).toEqual([
      { kind: 'latency', figure: 'p99', maxUs: 50_000 },
      { kind: 'errors', maxPct: 0.1 },
    ]);
    expect(parseSlo('p99.9=1.5s, mean=800us, completion=99.9%, rps=2000')).toEqual([
      { kind: 'latency', figure: 'p999', maxUs: 1_500_000 },
      { kind: 'latency', figure: 'mean', maxUs: 800 },
      { kind: 'completion', minPct: 99.9 },
      { kind: 'throughput', minPerSec: 2000 },
    ]);
    expect(parseSlo('p50=20')).toEqual([{ kind: 'latency', figure: 'p50', maxUs: 20_000 }]);
  });

  it('names the bad part', () => {
    expect(parseSlo('')).toMatch(/at least one threshold/);
    expect(parseSlo('p99')).toMatch(/"p99" is not NAME=VALUE/);
    expect(parseSlo('p98=5ms')).toMatch(/unknown SLO figure "p98"/);
    expect(parseSlo('p99=fast')).toMatch(/p99 needs a duration/);
    expect(parseSlo('errors=1')).toMatch(/errors needs a percentage/);
    expect(parseSlo('completion=120%')).toMatch(/completion needs a percentage/);
  });

  it('writes back what it read', () => {
    const parsed = parseSlo('p99=50ms,errors=0.1%,p99.9=1.5s');
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(formatSlo(parsed)).toBe('p99=50ms,errors=0.1%,p99.9=1.5s');
  });
});

describe('judgeSlo', () => {
  const slo = parseSlo('p99=50ms,errors=0.1%');
  if (typeof slo === 'string') throw new Error(slo);

  it('passes when every threshold holds', () => {
    const verdict = judgeSlo(slo, figures());
    expect(verdict.passed).toBe(true);
    expect(verdict.results.map((result) => result.text)).toEqual(['p99 40ms ≤ 50ms', 'errors 0.05% ≤ 0.1%']);
  });

  it('says which threshold failed and by how much', () => {
    const verdict = judgeSlo(slo, figures({ latencyUs: { ...figures().latencyUs, p99: 71_200 } }));
    expect(verdict.passed).toBe(false);
    expect(verdict.results[0]?.text).toBe('p99 71.2ms > 50ms (over by 21.2ms, 42 %)');
  });

  it('does not pass a lower bound under the threshold, and marks one above it', () => {
    const low = judgeSlo(slo, figures({ latencyLowerBounds: ['p99', 'max'] }));
    expect(low.passed).toBe(false);
    expect(low.results[0]?.text).toBe('p99 ≥ 40ms cannot show ≤ 50ms (unanswered requests)');
    const high = judgeSlo(slo, figures({ latencyLowerBounds: ['p99'], latencyUs: { ...figures().latencyUs, p99: 2_000_000 } }));
    expect(high.results[0]?.text).toBe('p99 ≥ 2s > 50ms (over by ≥ 1.95s, 3900 %)');
  });

  it('does not pass an unknown figure', () => {
    const verdict = judgeSlo(slo, figures({ latencyUs: { ...figures().latencyUs, p99: null }, errorsPct: null }));
    expect(verdict.passed).toBe(false);
    expect(verdict.results.map((result) => result.text)).toEqual(['p99 unknown, needs ≤ 50ms', 'errors unknown, needs ≤ 0.1%']);
  });
});

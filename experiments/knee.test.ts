// The knee rule on synthetic steps with known answers.
import { describe, expect, it } from 'vitest';
import { findKnee, type StepOutcome } from './knee.ts';

/** A step that held its rate with this p99 unless told otherwise. */
function step(targetPerSec: number, p99Ms: number, overrides: Partial<StepOutcome> = {}): StepOutcome {
  return { targetPerSec, achievedPerSec: targetPerSec, durationMs: 10_000, p50Us: 0, completion: 1, p99Us: p99Ms * 1000, p99IsLowerBound: false, errorsPct: 0, slo: null, ...overrides };
}

describe('findKnee without an SLO (p99 within 3× the lowest step)', () => {
  it('puts the knee below the first step whose p99 grew past 3×', () => {
    const result = findKnee([step(500, 1), step(1000, 1.2), step(2000, 2.9), step(4000, 3.1), step(8000, 40)]);
    expect(result.kneePerSec).toBe(2000);
    expect(result.firstBadIndex).toBe(3);
    expect(result.summary).toBe("knee at 2,000 req/s (the next step, 4,000 req/s: p99 3.1× the lowest step's); highest throughput reached 8,000 req/s");
  });

  it('puts the knee below the first step that did not keep its rate', () => {
    const result = findKnee([step(100, 5), step(200, 5), step(400, 6, { achievedPerSec: 385 }), step(800, 900, { achievedPerSec: 410, completion: 0.5 })]);
    expect(result.kneePerSec).toBe(200);
    expect(result.judgements[2]?.reasons).toEqual(['achieved 96.3 % of the target']);
    expect(result.judgements[2]?.gaveOut).toBe(true);
    expect(result.highestAchievedPerSec).toBe(410);
  });

  it('allows the requests in flight at the end (target × p50, plus one) short of 99 %, and no more', () => {
    // 1 s at 160 req/s with p50 25 ms: 99 % is 158.4, and 160 × 0.025 + 1 = 5 requests were on their way.
    const short = (achievedPerSec: number) =>
      findKnee([step(80, 30, { durationMs: 1000, p50Us: 25_000 }), step(160, 30, { durationMs: 1000, p50Us: 25_000, achievedPerSec })]);
    expect(short(153.5).kneePerSec).toBe(160);
    expect(short(153).kneePerSec).toBe(80);
    expect(short(153).judgements[1]?.reasons).toEqual(['achieved 95.6 % of the target']);
    // A 10 s step of a 150 ms endpoint at 100 req/s: 16 requests in flight at the end is 1.6 %.
    expect(findKnee([step(50, 200, { p50Us: 150_000 }), step(100, 200, { p50Us: 150_000, achievedPerSec: 98.4 })]).kneePerSec).toBe(100);
    // Falling behind: 10 % short over 10 s builds a queue whose p50 (0.5 s) allows only half of it.
    expect(findKnee([step(50, 5), step(100, 5, { p50Us: 500_000, achievedPerSec: 90 })]).kneePerSec).toBe(50);
  });

  it('does not count a step with unanswered requests as sustained', () => {
    const result = findKnee([step(100, 5), step(200, 5, { completion: 0.998 })]);
    expect(result.kneePerSec).toBe(100);
    expect(result.judgements[1]?.reasons).toEqual(['completion 99.80 %']);
    expect(result.judgements[1]?.gaveOut).toBe(false);
  });

  it('does not trust a good step above a bad one', () => {
    const result = findKnee([step(100, 1), step(200, 5), step(400, 1.5)]);
    expect(result.kneePerSec).toBe(100);
    expect(result.goodAboveFirstBad).toEqual([400]);
  });

  it('has no knee when every step was good, and says the range was too low', () => {
    const result = findKnee([step(100, 1), step(200, 1.1)]);
    expect(result.kneePerSec).toBe(200);
    expect(result.firstBadIndex).toBeNull();
    expect(result.summary).toBe('no knee up to 200 req/s: every step was good; highest throughput reached 200 req/s');
  });

  it('has no knee when even the lowest step was bad', () => {
    const result = findKnee([step(100, 1, { completion: 0.2, achievedPerSec: 20 }), step(200, 1)]);
    expect(result.kneePerSec).toBeNull();
    expect(result.summary).toMatch(/^no knee: not good even at the lowest rate, 100 req\/s \(achieved 20\.0 % of the target; completion 20\.00 %\)/);
  });

  it('does not judge p99 from a lower bound', () => {
    const result = findKnee([step(100, 1), step(200, 2, { p99IsLowerBound: true })]);
    expect(result.kneePerSec).toBe(100);
    expect(result.judgements[1]?.reasons).toEqual(['p99 only a lower bound']);
  });

  it('counts errors over the limit as giving out', () => {
    const result = findKnee([step(100, 1), step(200, 1, { errorsPct: 5 })], 1);
    expect(result.kneePerSec).toBe(100);
    expect(result.judgements[1]?.gaveOut).toBe(true);
    expect(result.judgements[1]?.reasons).toEqual(['errors 5.00 % > 1 %']);
  });

  it('refuses unsorted steps', () => {
    expect(() => findKnee([step(200, 1), step(100, 1)])).toThrow(/sorted/);
  });
});

describe('findKnee with an SLO', () => {
  it('uses the SLO instead of the 3× rule', () => {
    const result = findKnee([
      step(100, 1, { slo: { passed: true, failed: [] } }),
      step(200, 10, { slo: { passed: true, failed: [] } }),
      step(400, 60, { slo: { passed: false, failed: ['p99 60ms > 50ms (over by 10ms, 20 %)'] } }),
    ]);
    expect(result.kneePerSec).toBe(200);
    expect(result.summary).toContain('p99 60ms > 50ms');
  });
});

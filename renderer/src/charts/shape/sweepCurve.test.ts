import { describe, expect, it } from 'vitest';
import type { SweepStepView } from '../../../../common/labApi.ts';
import type { RunHeader } from '../../../../common/runHeader.ts';
import { sweepCurveData } from './sweepCurve.ts';

function step(targetPerSec: number, achievedPerSec: number, p99Us: number, lowerBounds: SweepStepView['lowerBounds'] = []): SweepStepView {
  return {
    order: 0,
    kind: 'step',
    header: { id: `r${targetPerSec}` } as RunHeader,
    targetPerSec,
    achievedPerSec,
    completion: 1,
    errorsPct: 0,
    latencyUs: { p50: p99Us / 4, p90: p99Us / 2, p99: p99Us, p999: p99Us * 2 },
    lowerBounds,
    good: lowerBounds.length === 0,
    gaveOut: false,
    reasons: [],
  };
}

describe('sweepCurveData', () => {
  it('puts steps in load order with x the achieved rate, y in one unit on a log axis', () => {
    const data = sweepCurveData([step(400, 395, 8000), step(100, 100, 2000), step(200, 199, 4000)], 400);
    expect(data.rows.map((row) => [row.targetPerSec, row.achievedPerSec])).toEqual([
      [100, 100],
      [200, 199],
      [400, 395],
    ]);
    expect(data.axis.unit.label).toBe('ms');
    expect(data.rows.map((row) => row.p99)).toEqual([2, 4, 8]);
    expect(data.rows.every((row) => row.p99Bound === null)).toBe(true);
    expect(data.knee).toEqual({ achievedPerSec: 395, targetPerSec: 400, p99: 8 });
  });

  it('draws lower bounds on their own series, joined to the last measured point', () => {
    const data = sweepCurveData([step(100, 100, 2000), step(200, 199, 4000), step(400, 250, 900_000, ['p90', 'p99'])], 200);
    const [, middle, last] = data.rows;
    expect(data.axis.unit.label).toBe('ms');
    expect(last).toMatchObject({ p99: null, p99Bound: 900, p90: null, p50: 225, p50Bound: null, achievedPerSec: 250 });
    // The measured neighbour also starts the dashed segment; the figure without bounds does not.
    expect(middle).toMatchObject({ p99: 4, p99Bound: 4, p50Bound: null });
    expect(data.rows[0]?.p99Bound).toBeNull();
  });

  it('an incomplete step (under 99 % answered) is drawn apart even where no figure is a lower bound', () => {
    const incomplete = { ...step(400, 300, 50_000), completion: 0.9 };
    const data = sweepCurveData([step(100, 100, 2000), incomplete], 100);
    expect(data.rows[1]).toMatchObject({ p50: null, p50Bound: 12.5, p99: null, p99Bound: 50 });
    expect(data.rows[0]).toMatchObject({ p50: 0.5, p50Bound: 0.5 });
  });

  it('has no knee point without a knee, and an axis for no steps', () => {
    expect(sweepCurveData([step(100, 20, 5000, ['p99'])], null).knee).toBeNull();
    expect(sweepCurveData([], null).rows).toEqual([]);
  });
});

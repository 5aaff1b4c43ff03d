import { describe, expect, it } from 'vitest';
import type { SweepStepView } from '../../../../common/labApi.ts';
import { sweepOverlayData } from './sweepOverlay.ts';

function step(targetPerSec: number, achievedPerSec: number, p99Us: number, completion: number, lowerBounds: SweepStepView['lowerBounds'] = []): SweepStepView {
  return {
    order: 0,
    kind: 'step',
    header: { id: `run-${targetPerSec}` } as SweepStepView['header'],
    targetPerSec,
    achievedPerSec,
    completion,
    errorsPct: 0,
    latencyUs: { p50: p99Us / 4, p90: p99Us / 2, p99: p99Us, p999: p99Us * 2 },
    lowerBounds,
    good: true,
    gaveOut: false,
    reasons: [],
  };
}

// Out of load order on purpose: the lines follow the target rate.
const pool = [step(400, 400, 2000, 1), step(100, 100, 1000, 1), step(800, 650, 90_000, 0.8, ['p99', 'p999']), step(200, 200, 1200, 1)];
const single = [step(50, 50, 3000, 1), step(100, 100, 6000, 0.995), step(200, 140, 400_000, 0.7)];

describe('sweepOverlayData', () => {
  const data = sweepOverlayData(
    [
      { id: 'a', label: 'pool', color: 'blue', steps: pool, kneePerSec: 400 },
      { id: 'b', label: 'single', color: 'orange', steps: single, kneePerSec: 100 },
    ],
    'p99',
  );

  it('one log axis in one unit for every sweep', () => {
    expect(data.axis.unit.label).toBe('ms');
    expect(data.axis.domain[0]).toBeLessThanOrEqual(1);
    expect(data.axis.domain[1]).toBeGreaterThanOrEqual(400);
    expect(data.maxX).toBe(650);
    expect(data.xTicks[0]).toBe(0);
    expect(data.xTicks.at(-1)).toBeGreaterThanOrEqual(650);
  });

  it('measured points on the solid line in load order; lower bounds and incomplete steps on the dashed one, joined', () => {
    const [a, b] = data.lines;
    expect(a?.measured.map((point) => point.targetPerSec)).toEqual([100, 200, 400, 800]);
    expect(a?.measured.map((point) => point.y)).toEqual([1, 1.2, 2, null]);
    expect(a?.partial.map((point) => point.y)).toEqual([null, null, 2, 90]);
    expect(a?.partial.map((point) => point.partial)).toEqual([false, false, false, true]);
    // 99.5 % answered is whole enough; 70 % is not.
    expect(b?.measured.map((point) => point.y)).toEqual([3, 6, null]);
    expect(b?.partial.at(-1)).toMatchObject({ y: 400, partial: true, completion: 0.7 });
  });

  it('marks each knee on its sweep; a sweep with every step whole has no dashed line', () => {
    expect(data.lines.map((line) => line.knee?.x)).toEqual([400, 100]);
    const whole = sweepOverlayData([{ id: 'c', label: 'c', color: 'red', steps: pool.slice(0, 2), kneePerSec: null }], 'p50');
    expect(whole.lines[0]?.partial).toEqual([]);
    expect(whole.lines[0]?.knee).toBeNull();
  });
});

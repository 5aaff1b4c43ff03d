// LoopDelayMeter on an injected clock: ticks and readings at given instants, no timers.
import { describe, expect, it } from 'vitest';
import { LoopDelayMeter } from './loopDelay.ts';

const RESOLUTION_MS = 10;

/** Runs `steps` (a tick or a reading at an instant, ms) from t = 0 and returns each reading's max, µs. */
function maxesUs(steps: readonly (readonly ['tick' | 'take', number])[]): number[] {
  let nowMs = 0;
  const meter = new LoopDelayMeter(RESOLUTION_MS, () => nowMs);
  const maxes: number[] = [];
  for (const [step, atMs] of steps) {
    nowMs = atMs;
    if (step === 'tick') meter.tick();
    else maxes.push(meter.take().max);
  }
  return maxes;
}

describe('LoopDelayMeter', () => {
  it.each([
    ['no tick yet', [['take', 5]], [0]],
    ['ticks on time', [['tick', 10], ['tick', 20], ['take', 25]], [0]],
    ['a tick 5 ms late', [['tick', 10], ['tick', 25], ['take', 26]], [5000]],
    ['a block whose tick runs before the reading', [['tick', 10], ['tick', 420], ['take', 421]], [400_000]],
    // The sample timer runs first after the block: the overdue tick is closed out by the reading,
    // and the tick that follows counts only the 2 ms after it.
    ['a block whose tick runs after the reading', [['tick', 10], ['take', 420], ['tick', 422], ['take', 430]], [400_000, 2000]],
    // A tick not yet due at a reading is measured whole by the next one.
    ['a reading between ticks on time', [['tick', 10], ['take', 14], ['tick', 20], ['take', 21]], [0, 0]],
    ['a reading between ticks, the next one late', [['tick', 10], ['take', 14], ['tick', 27], ['take', 28]], [0, 7000]],
    ['readings reset', [['tick', 10], ['tick', 60], ['take', 61], ['tick', 70], ['take', 71]], [40_000, 0]],
  ] as const)('%s', (_name, steps, expected) => {
    const maxes = maxesUs(steps);
    expect(maxes).toHaveLength(expected.length);
    // hdr histograms keep 3 significant digits: within 0.1 %.
    expected.forEach((expectedUs, i) => {
      const toleranceUs = expectedUs * 0.001 + 1;
      expect(maxes[i]).toBeGreaterThanOrEqual(expectedUs - toleranceUs);
      expect(maxes[i]).toBeLessThanOrEqual(expectedUs + toleranceUs);
    });
  });

  it('reports percentiles beyond the resolution', () => {
    let nowMs = 0;
    const meter = new LoopDelayMeter(RESOLUTION_MS, () => nowMs);
    for (let i = 1; i <= 99; i++) {
      nowMs += RESOLUTION_MS;
      meter.tick();
    }
    nowMs += 110;
    meter.tick();
    const reading = meter.take();
    // hdr reports a bucket's highest value: 10 ms reads as up to 10.01 ms, 10 µs beyond.
    expect(reading.p50).toBeLessThanOrEqual(10);
    expect(reading.max).toBeGreaterThanOrEqual(100_000);
    expect(reading.max).toBeLessThan(100_200);
  });
});

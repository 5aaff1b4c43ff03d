import { describe, expect, it } from 'vitest';
import { redrawDelayMs, throttleDelayMs } from './useThrottled.ts';

describe('throttleDelayMs', () => {
  it.each([
    // [last shown (ms), now (ms), interval (ms), wait (ms)]
    [null, 5_000, 2_000, 0], // nothing shown yet: at once
    [1_000, 3_000, 2_000, 0], // exactly one interval later
    [1_000, 4_500, 2_000, 0], // long after
    [1_000, 1_500, 2_000, 1_500], // half a second after: the rest of the interval
    [1_000, 1_000, 2_000, 2_000], // same instant: a whole interval
  ] as const)('last %s, now %s, every %s ms: wait %s ms', (last, now, interval, wait) => {
    expect(throttleDelayMs(last, now, interval)).toBe(wait);
  });
});

describe('redrawDelayMs', () => {
  const base = { immediate: false, keyChanged: false, lastShownMs: 1_000, nowMs: 1_500, intervalMs: 2_000 };
  it('waits out the interval for the same run', () => {
    expect(redrawDelayMs(base)).toBe(1_500);
  });
  it("shows a new run at once: never the last run's charts under the new run's name", () => {
    expect(redrawDelayMs({ ...base, keyChanged: true })).toBe(0);
  });
  it('shows the end of a run at once', () => {
    expect(redrawDelayMs({ ...base, immediate: true })).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { throttleDelayMs } from './useThrottled.ts';

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

import { describe, expect, it } from 'vitest';
import { createDurationHistogram, DurationRecorder, encodeDurations, recordDurationUs, summarizeDurations } from './histogram.ts';

describe('DurationRecorder', () => {
  it('ends up with exactly the histogram that recording every value one by one gives', () => {
    const values = [0, 0.2, 0.5, 1, 1.49, 1.5, 2, 7, 7, 7, 2047, 2047.4, 2047.6, 2048, 5000, 123_456.7, 3_600_000_001, 12.5];
    const recorder = new DurationRecorder();
    const plain = createDurationHistogram();
    for (const value of values) {
      recorder.record(value);
      recordDurationUs(plain, value);
    }
    const staged = recorder.read();
    expect(staged.totalCount).toBe(values.length);
    expect(summarizeDurations(staged)).toEqual(summarizeDurations(plain));
    expect(staged.minNonZeroValue).toBe(plain.minNonZeroValue);
    expect(encodeDurations(staged)).toBe(encodeDurations(plain));
  });

  it('starts empty again after reset, and reading twice adds nothing', () => {
    const recorder = new DurationRecorder();
    recorder.record(3);
    recorder.record(3000);
    expect(recorder.read().totalCount).toBe(2);
    expect(recorder.read().totalCount).toBe(2);
    recorder.reset();
    expect(summarizeDurations(recorder.read())).toBeNull();
    recorder.record(5);
    expect(summarizeDurations(recorder.read())).toMatchObject({ count: 1, p50: 5, max: 5 });
  });
});

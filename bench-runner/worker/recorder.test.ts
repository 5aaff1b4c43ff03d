import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../common/histogram.ts';
import { IntervalRecorder } from './recorder.ts';

describe('IntervalRecorder: censored values of unsent requests', () => {
  // 100 000 slots 10 ms apart, the earliest having waited 1000 s (µs, as the recorder takes them): recorded bucket by bucket,
  // the same counts (to the histogram's precision) as one value at a time.
  it('records evenly spaced waits with the right count and range, a bucket at a time', () => {
    const recorder = new IntervalRecorder(false, 0);
    recorder.censorEvenlySpaced(1_000_000_000, 10_000, 100_000);
    const histogram = decodeHistogram(recorder.snapshot(0, 0, null).unansweredUs);
    expect(histogram.totalCount).toBe(100_000);
    expect(histogram.maxValue / 1e9).toBeCloseTo(1, 2);
    expect(histogram.minNonZeroValue / 10_000).toBeCloseTo(1, 1);
    expect(histogram.getValueAtPercentile(50) / 500e6).toBeCloseTo(1, 2);
  });

  it('clamps waits past the histogram range (1 h) instead of failing', () => {
    const recorder = new IntervalRecorder(false, 0);
    recorder.censorEvenlySpaced(5 * 3600 * 1e6, 1e6, 3);
    expect(decodeHistogram(recorder.snapshot(0, 0, null).unansweredUs).totalCount).toBe(3);
  });
});

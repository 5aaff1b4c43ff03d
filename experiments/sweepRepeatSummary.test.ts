// The summary of repeated sweeps: median and range of knees and of the highest throughput.
import { describe, expect, it } from 'vitest';
import { formatRepeatSummary, spreadOf, summariseRepeats } from './sweepRepeatSummary.ts';

describe('spreadOf', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(spreadOf([400, 200, 300])).toEqual({ median: 300, min: 200, max: 400 });
    expect(spreadOf([400, 200, 300, 100])).toEqual({ median: 250, min: 100, max: 400 });
    expect(spreadOf([70])).toEqual({ median: 70, min: 70, max: 70 });
  });

  it('is null for no values', () => {
    expect(spreadOf([])).toBeNull();
  });
});

describe('summariseRepeats', () => {
  it('gives the knee over the sweeps that found one and counts the one that did not', () => {
    const summary = summariseRepeats(
      [
        { kneePerSec: 400, highestAchievedPerSec: 470, kneeAtTop: false },
        { kneePerSec: null, highestAchievedPerSec: 90, kneeAtTop: false },
        { kneePerSec: 350, highestAchievedPerSec: 430, kneeAtTop: false },
      ],
      3,
    );
    expect(summary).toEqual({
      sweeps: 3,
      planned: 3,
      kneePerSec: { median: 375, min: 350, max: 400 },
      withoutKnee: 1,
      kneesAtTop: 0,
      highestAchievedPerSec: { median: 430, min: 90, max: 470 },
    });
    expect(formatRepeatSummary('http://h/', summary)).toBe(
      'http://h/: 3 of 3 sweeps; knee median 375 req/s, range 350–400 (1 without a knee); highest median 430 req/s, range 90–470\n',
    );
  });

  it('says no sweep found a knee, and how many of the planned repeats ran', () => {
    const summary = summariseRepeats([{ kneePerSec: null, highestAchievedPerSec: 1234.4, kneeAtTop: false }], 4);
    expect(summary.kneePerSec).toBeNull();
    expect(formatRepeatSummary('http://h/', summary)).toBe('http://h/: 1 of 4 sweeps; no knee in any sweep; highest median 1,234 req/s, range 1,234–1,234\n');
  });

  it('marks the median a lower bound when a sweep was good up to its top rate', () => {
    const summary = summariseRepeats(
      [
        { kneePerSec: 80, highestAchievedPerSec: 79, kneeAtTop: true },
        { kneePerSec: 40, highestAchievedPerSec: 70, kneeAtTop: false },
      ],
      2,
    );
    expect(summary.kneesAtTop).toBe(1);
    expect(formatRepeatSummary('u', summary)).toBe(
      'u: 2 of 2 sweeps; knee median ≥60 req/s, range 40–80 (1 good up to the top rate, so at least that); highest median 75 req/s, range 70–79\n',
    );
  });

  it('has nothing to say with no sweep', () => {
    const summary = summariseRepeats([], 2);
    expect(formatRepeatSummary('u', summary)).toBe('u: 0 of 2 sweeps; no knee in any sweep; highest unknown\n');
  });
});

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
        { kneePerSec: 400, highestAchievedPerSec: 470 },
        { kneePerSec: null, highestAchievedPerSec: 90 },
        { kneePerSec: 350, highestAchievedPerSec: 430 },
      ],
      3,
    );
    expect(summary).toEqual({
      sweeps: 3,
      planned: 3,
      kneePerSec: { median: 375, min: 350, max: 400 },
      withoutKnee: 1,
      highestAchievedPerSec: { median: 430, min: 90, max: 470 },
    });
    expect(formatRepeatSummary('http://h/', summary)).toBe(
      'http://h/: 3 of 3 sweeps; knee median 375 req/s, range 350–400 (1 without a knee); highest median 430 req/s, range 90–470\n',
    );
  });

  it('says no sweep found a knee, and how many of the planned repeats ran', () => {
    const summary = summariseRepeats([{ kneePerSec: null, highestAchievedPerSec: 1234.4 }], 4);
    expect(summary.kneePerSec).toBeNull();
    expect(formatRepeatSummary('http://h/', summary)).toBe('http://h/: 1 of 4 sweeps; no knee in any sweep; highest median 1,234 req/s, range 1,234–1,234\n');
  });

  it('has nothing to say with no sweep', () => {
    const summary = summariseRepeats([], 2);
    expect(formatRepeatSummary('u', summary)).toBe('u: 0 of 2 sweeps; no knee in any sweep; highest unknown\n');
  });
});

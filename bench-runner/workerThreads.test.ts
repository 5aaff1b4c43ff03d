import { describe, expect, it } from 'vitest';
import { dealJobs, workerThreadCount } from './workerThreads.ts';

describe('workerThreadCount', () => {
  it('is one per core, never more than the threads', () => {
    expect(workerThreadCount(12, null, 2)).toBe(2);
    expect(workerThreadCount(12, undefined, 16)).toBe(12);
    expect(workerThreadCount(1, null, 8)).toBe(1);
  });

  it('takes the requested count, bounded by the threads', () => {
    expect(workerThreadCount(12, 12, 2)).toBe(12);
    expect(workerThreadCount(12, 5, 2)).toBe(5);
    expect(workerThreadCount(4, 9, 2)).toBe(4);
  });
});

describe('dealJobs', () => {
  it('deals every job once, round-robin', () => {
    expect(dealJobs(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
    expect(dealJobs([1, 2, 3], 3)).toEqual([[1], [2], [3]]);
  });
});

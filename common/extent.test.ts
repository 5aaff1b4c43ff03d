import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from './extent.ts';

describe('maxOf / minOf', () => {
  it('takes the extreme or the bound', () => {
    expect(maxOf([3, 9, 1], 0)).toBe(9);
    expect(maxOf([], 10)).toBe(10);
    expect(maxOf([-5, -2], 0)).toBe(0);
    expect(minOf([3, 9, 1], Infinity)).toBe(1);
    expect(minOf([], 7)).toBe(7);
  });

  it('handles more values than a spread can pass as arguments', () => {
    const values = Array.from({ length: 500_000 }, (_, index) => index);
    expect(maxOf(values, 0)).toBe(499_999);
    expect(minOf(values, Infinity)).toBe(0);
  });
});

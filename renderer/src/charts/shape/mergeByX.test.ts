import { describe, expect, it } from 'vitest';
import { mergeByX } from './mergeByX.ts';

describe('mergeByX', () => {
  it('one row per x, sorted, null where a line has no point', () => {
    const rows = mergeByX([
      { key: 'a', points: [{ x: 2, y: 20 }, { x: 1, y: 10 }] },
      { key: 'b', points: [{ x: 2, y: 21 }, { x: 3, y: null }] },
    ]);
    expect(rows).toEqual([
      { x: 1, a: 10, b: null },
      { x: 2, a: 20, b: 21 },
      { x: 3, a: null, b: null },
    ]);
  });

  it('no lines, no rows', () => {
    expect(mergeByX([])).toEqual([]);
  });
});

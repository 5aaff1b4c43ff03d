import { describe, expect, it } from 'vitest';
import { downsampleRows } from './downsampleRows.ts';

interface Row extends Record<'a' | 'b', number | null> {
  t: number;
}

const rows: Row[] = Array.from({ length: 3600 }, (_, t) => ({ t, a: 10 + (t % 7), b: t === 1234 ? 99_999 : t === 2345 ? null : 5 }));

describe('downsampleRows', () => {
  it('short inputs come back whole', () => {
    expect(downsampleRows(rows.slice(0, 10), ['a', 'b'], 100)).toHaveLength(10);
  });

  it('at most maxRows rows, in order, each a real row', () => {
    const kept = downsampleRows(rows, ['a', 'b'], 800);
    expect(kept.length).toBeLessThanOrEqual(800);
    expect(kept.length).toBeGreaterThan(300);
    for (let index = 1; index < kept.length; index++) expect(kept[index]?.t).toBeGreaterThan(kept[index - 1]?.t ?? Infinity);
    for (const row of kept) expect(row).toBe(rows[row.t]);
  });

  it("keeps each line's spike and the first and last rows", () => {
    const kept = downsampleRows(rows, ['a', 'b'], 200);
    expect(kept.some((row) => row.b === 99_999)).toBe(true);
    expect(kept.some((row) => row.a === 16)).toBe(true);
    expect(kept[0]?.t).toBe(0);
    expect(kept.at(-1)?.t).toBe(3599);
  });
});

import { describe, expect, it } from 'vitest';
import { perRecord } from './perRecord.ts';

describe('perRecord', () => {
  it('derives once per object', () => {
    let calls = 0;
    const size = perRecord((record: { items: number[] }) => {
      calls++;
      return record.items.length;
    });
    const a = { items: [1, 2] };
    expect(size(a)).toBe(2);
    expect(size(a)).toBe(2);
    expect(size({ items: [1] })).toBe(1);
    expect(calls).toBe(2);
  });
});

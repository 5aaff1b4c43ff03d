import { describe, expect, it } from 'vitest';
import { alternatingOrder, runAlternating } from './repeat.ts';

describe('alternatingOrder', () => {
  it('alternates targets round by round', () => {
    expect(alternatingOrder(2, 3)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(alternatingOrder(3, 2)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(alternatingOrder(1, 3)).toEqual([0, 0, 0]);
  });

  it('refuses nonsense counts', () => {
    expect(() => alternatingOrder(0, 3)).toThrow(/at least one target/);
    expect(() => alternatingOrder(2, 0)).toThrow(/--repeat needs a whole number of at least 1/);
    expect(() => alternatingOrder(2, 1.5)).toThrow(/--repeat/);
  });
});

describe('runAlternating', () => {
  it('runs A B A B and groups the results by target', async () => {
    const calls: string[] = [];
    const result = await runAlternating(['A', 'B'], 2, {
      runOne: async (target, round, position, total) => {
        calls.push(`${target}${round}@${position}/${total}`);
        return `${target}-${round}`;
      },
    });
    expect(calls).toEqual(['A0@0/4', 'B0@1/4', 'A1@2/4', 'B1@3/4']);
    expect(result).toEqual({ runs: [['A-0', 'A-1'], ['B-0', 'B-1']], stopped: false });
  });

  it('keeps what was measured when stopped', async () => {
    let done = 0;
    const result = await runAlternating(['A', 'B'], 3, { runOne: async () => ++done, stopRequested: () => done >= 3 });
    expect(result).toEqual({ runs: [[1, 3], [2]], stopped: true });
  });
});

import { describe, expect, it } from 'vitest';
import { highestSustainedByRound, type RungOutcome } from './sustained.ts';

const outcome = (tool: 'a' | 'b', round: number, target: number, sustained: boolean): RungOutcome<'a' | 'b'> => ({ tool, round, target, sustained });

describe('highestSustainedByRound', () => {
  it('takes the highest sustained rung of each round, for the tool asked only', () => {
    const outcomes = [outcome('a', 1, 100, true), outcome('a', 1, 200, true), outcome('a', 1, 400, false), outcome('b', 1, 400, true), outcome('a', 2, 100, true), outcome('a', 2, 200, false)];
    expect(highestSustainedByRound(outcomes, 'a', 2)).toEqual([200, 100]);
    expect(highestSustainedByRound(outcomes, 'b', 2)).toEqual([400, 0]);
  });

  it('a rung sustained above a failed one counts; a round with none sustained is 0', () => {
    const outcomes = [outcome('a', 1, 100, true), outcome('a', 1, 200, false), outcome('a', 1, 400, true), outcome('a', 1, 800, false), outcome('a', 2, 100, false)];
    expect(highestSustainedByRound(outcomes, 'a', 3)).toEqual([400, 0, 0]);
  });
});

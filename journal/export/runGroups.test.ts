// Exports group runs as the person chose, and each run alone by default — never by tags behind
// their back (issue 11, item 4).
import { describe, expect, it } from 'vitest';
import { simulatedRecord } from '../../common/testing/simulatedRuns.ts';
import { groupingText, groupRuns } from './runGroups.ts';

const tagged = (id: string, tags: string[]) => simulatedRecord({ id, title: id, tags });
const runs = [tagged('pool-1', ['R1000']), tagged('loop-1', ['R1000']), tagged('pool-2', ['R1000']), tagged('loop-2', ['R1000'])];

describe('groupRuns', () => {
  it('by default each run is alone, whatever its tags', () => {
    const grouping = groupRuns(runs);
    expect(grouping.groups.map((group) => group.runs.length)).toEqual([1, 1, 1, 1]);
    expect(grouping.headings).toEqual(['#1 pool-1', '#2 loop-1', '#3 pool-2', '#4 loop-2']);
    expect(grouping.eachRunAlone).toBe(true);
    expect(groupingText(grouping)).toBe('Each run is a group of its own (no runs were grouped); the first is the baseline.');
  });

  it('follows the groups given, and says which runs each holds', () => {
    const grouping = groupRuns(runs, [
      { label: 'pool-shared', ids: ['pool-1', 'pool-2'] },
      { label: 'event-loop', ids: ['loop-1', 'loop-2'] },
    ]);
    expect(grouping.groups.map((group) => [group.label, group.runs.map((run) => run.id)])).toEqual([
      ['pool-shared', ['pool-1', 'pool-2']],
      ['event-loop', ['loop-1', 'loop-2']],
    ]);
    expect(groupingText(grouping)).toBe('Groups, each the median of its runs, the first the baseline: pool-shared: #1, #3; event-loop: #2, #4.');
    expect(grouping.chartRuns.map((run) => run.name)).toEqual(['pool-shared · #1 pool-1', 'event-loop · #2 loop-1', 'pool-shared · #3 pool-2', 'event-loop · #4 loop-2']);
  });

  it('leaves runs outside every group alone', () => {
    const grouping = groupRuns(runs, [{ label: 'pool', ids: ['pool-1', 'pool-2'] }]);
    expect(grouping.headings).toEqual(['pool', '#2 loop-1', '#4 loop-2']);
    expect(groupingText(grouping)).toBe('Groups, each the median of its runs, the first the baseline: pool: #1, #3; #2 loop-1; #4 loop-2.');
  });

  it('refuses a group naming a run not exported, or a run in two groups', () => {
    expect(() => groupRuns(runs, [{ label: 'x', ids: ['nope'] }])).toThrow(/group "x" names nope/);
    expect(() => groupRuns(runs, [{ label: 'a', ids: ['pool-1'] }, { label: 'b', ids: ['pool-1'] }])).toThrow(/pool-1 is in two groups/);
  });
});

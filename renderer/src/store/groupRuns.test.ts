import { describe, expect, it } from 'vitest';
import { runHeaderOf, type RunHeader } from '../../../common/runHeader.ts';
import { sampleMeasuredRecord } from '../../../common/testing/sampleRecords.ts';
import { groupRuns } from './groupRuns.ts';

const base = runHeaderOf(sampleMeasuredRecord);
const run = (id: string, changes: Partial<RunHeader>): RunHeader => ({ ...base, id, title: `run ${id}`, ...changes });
const runs = [
  run('a', { serverModel: 'pool-shared', tags: ['ka', 'seed'] }),
  run('b', { serverModel: 'event-loop', tags: ['seed'] }),
  run('c', { serverModel: 'pool-shared', tags: ['seed', 'ka'] }),
  run('d', { serverModel: null, sourceTool: 'wrk2', tags: [] }),
];

describe('groupRuns', () => {
  it('each run alone, titled, in pick order', () => {
    expect(groupRuns(runs, 'run')).toEqual([
      { label: 'run a', ids: ['a'] },
      { label: 'run b', ids: ['b'] },
      { label: 'run c', ids: ['c'] },
      { label: 'run d', ids: ['d'] },
    ]);
  });

  it('by model; imports by their tool', () => {
    expect(groupRuns(runs, 'model')).toEqual([
      { label: 'pool-shared', ids: ['a', 'c'] },
      { label: 'event-loop', ids: ['b'] },
      { label: 'wrk2 import', ids: ['d'] },
    ]);
  });

  it('by tag set, whatever the tag order', () => {
    expect(groupRuns(runs, 'tags').map((group) => group.ids)).toEqual([['a', 'c'], ['b'], ['d']]);
    expect(groupRuns(runs, 'tags')[2]?.label).toBe('(no tags)');
  });

  it('clips long labels to the contract’s 200 characters', () => {
    expect(groupRuns([run('x', { title: 'x'.repeat(300) })], 'run')[0]?.label).toHaveLength(200);
  });
});

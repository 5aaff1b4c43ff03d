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

  it('by profile, by commit, by profile and commit: "thread_pool3 at a1b2c3d vs own-channel at d4e5f6a"', () => {
    const own = [
      run('p1', { serverModel: null, serverProfile: 'thread_pool3', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: false } }),
      run('p2', { serverModel: null, serverProfile: 'own-channel', build: { commit: 'd4e5f6a7b8c9', branch: null, dirty: false } }),
      run('p3', { serverModel: null, serverProfile: 'thread_pool3', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: false } }),
      run('p4', { serverModel: null, serverProfile: 'thread_pool3', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: true } }),
      run('p5', { serverModel: null, serverProfile: 'no-git', build: null }),
      run('b', { serverModel: 'event-loop' }),
    ];
    expect(groupRuns(own, 'profile-build')).toEqual([
      { label: 'thread_pool3 at a1b2c3d', ids: ['p1', 'p3'] },
      { label: 'own-channel at d4e5f6a', ids: ['p2'] },
      { label: 'thread_pool3 at a1b2c3d, dirty', ids: ['p4'] },
      { label: 'no-git, commit unknown', ids: ['p5'] },
      { label: 'event-loop, commit unknown', ids: ['b'] },
    ]);
    expect(groupRuns(own, 'profile')).toEqual([
      { label: 'thread_pool3', ids: ['p1', 'p3', 'p4'] },
      { label: 'own-channel', ids: ['p2'] },
      { label: 'no-git', ids: ['p5'] },
      { label: 'event-loop', ids: ['b'] },
    ]);
    expect(groupRuns(own, 'build').map((group) => group.label)).toEqual(['a1b2c3d', 'd4e5f6a', 'a1b2c3d, dirty', 'no-git, commit unknown', 'event-loop, commit unknown']);
  });
});

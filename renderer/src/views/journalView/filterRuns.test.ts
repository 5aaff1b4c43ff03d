import { describe, expect, it } from 'vitest';
import { runHeaderOf, type RunHeader } from '../../../../common/runHeader.ts';
import { sampleMeasuredRecord } from '../../../../common/testing/sampleRecords.ts';
import { buildsInUse, filterRuns, modelsInUse, noFilter, profilesInUse, tagsInUse } from './filterRuns.ts';

const base = runHeaderOf(sampleMeasuredRecord);
const run = (changes: Partial<RunHeader>): RunHeader => ({ ...base, ...changes });
const runs = [
  run({ id: 'a', title: 'pool-shared · -t12 -c400 -R1000', tags: ['seed', 'models'], serverModel: 'pool-shared' }),
  run({ id: 'b', title: 'event-loop · -t2', tags: ['seed'], serverModel: 'event-loop' }),
  run({ id: 'c', title: 'Thread Per Request', tags: [], serverModel: null, sourceTool: 'wrk2', url: 'http://localhost:7878/', notesStart: 'Passing TcpStream and handle_request function pointer to channel.' }),
  // Runs of the user's own server, from profiles, at two commits (one of them dirty once).
  run({ id: 'p1', title: 'own', serverModel: null, serverProfile: 'thread_pool3', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: false } }),
  run({ id: 'p2', title: 'own', serverModel: null, serverProfile: 'own-channel', build: { commit: 'd4e5f6a7b8c9', branch: 'channel', dirty: false } }),
  run({ id: 'p3', title: 'own', serverModel: null, serverProfile: 'thread_pool3', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: true } }),
];
const builtin = runs.slice(0, 3);
const ids = (found: RunHeader[]): string[] => found.map((header) => header.id);

describe('filterRuns', () => {
  it('no filter: everything, in order', () => {
    expect(ids(filterRuns(builtin, noFilter))).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['every word must match, any case, any field', { text: 'POOL r1000' }, ['a']],
    ['the source tool', { text: 'wrk2' }, ['c']],
    ['the URL', { text: 'localhost' }, ['c']],
    ['a tag', { tag: 'seed' }, ['a', 'b']],
    ['a model', { model: 'event-loop' }, ['b']],
    ['not the built-in server', { model: 'external' }, ['c', 'p1', 'p2', 'p3']],
    ['a profile', { profile: 'thread_pool3' }, ['p1', 'p3']],
    ['a commit, clean and dirty apart', { build: 'a1b2c3d4e5f6' }, ['p1']],
    ['a dirty build', { build: 'a1b2c3d4e5f6+dirty' }, ['p3']],
    ['profile and commit', { profile: 'own-channel', build: 'd4e5f6a7b8c9' }, ['p2']],
    ['the search finds a profile, a commit and a branch', { text: 'channel d4e5f6' }, ['p2']],
    ['the notes (issue 11: search did not look in them)', { text: 'tcpstream channel' }, ['c']],
    ['filters combine', { tag: 'seed', text: 'event' }, ['b']],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filterRuns(runs, { ...noFilter, ...filter }))).toEqual(expected);
  });

  it('tags and models in use', () => {
    expect(tagsInUse(runs)).toEqual(['seed', 'models']);
    expect(modelsInUse(runs)).toEqual(['event-loop', 'pool-shared']);
  });

  it('profiles and builds in use; the builds of one profile', () => {
    expect(profilesInUse(runs)).toEqual(['own-channel', 'thread_pool3']);
    expect(profilesInUse(builtin)).toEqual([]);
    expect(buildsInUse(runs, '')).toEqual([
      { key: 'a1b2c3d4e5f6', label: 'a1b2c3d (main)' },
      { key: 'd4e5f6a7b8c9', label: 'd4e5f6a (channel)' },
      { key: 'a1b2c3d4e5f6+dirty', label: 'a1b2c3d, dirty (main)' },
    ]);
    expect(buildsInUse(runs, 'own-channel').map((build) => build.key)).toEqual(['d4e5f6a7b8c9']);
  });
});

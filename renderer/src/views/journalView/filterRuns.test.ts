import { describe, expect, it } from 'vitest';
import { runHeaderOf, type RunHeader } from '../../../../common/runHeader.ts';
import { sampleMeasuredRecord } from '../../../../common/testing/sampleRecords.ts';
import { filterRuns, modelsInUse, noFilter, tagsInUse } from './filterRuns.ts';

const base = runHeaderOf(sampleMeasuredRecord);
const run = (changes: Partial<RunHeader>): RunHeader => ({ ...base, ...changes });
const runs = [
  run({ id: 'a', title: 'pool-shared · -t12 -c400 -R1000', tags: ['seed', 'models'], serverModel: 'pool-shared' }),
  run({ id: 'b', title: 'event-loop · -t2', tags: ['seed'], serverModel: 'event-loop' }),
  run({ id: 'c', title: 'Thread Per Request', tags: [], serverModel: null, sourceTool: 'wrk2', url: 'http://localhost:7878/', notesStart: 'Passing TcpStream and handle_request function pointer to channel.' }),
];
const ids = (found: RunHeader[]): string[] => found.map((header) => header.id);

describe('filterRuns', () => {
  it('no filter: everything, in order', () => {
    expect(ids(filterRuns(runs, noFilter))).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['every word must match, any case, any field', { text: 'POOL r1000' }, ['a']],
    ['the source tool', { text: 'wrk2' }, ['c']],
    ['the URL', { text: 'localhost' }, ['c']],
    ['a tag', { tag: 'seed' }, ['a', 'b']],
    ['a model', { model: 'event-loop' }, ['b']],
    ['not the built-in server', { model: 'external' }, ['c']],
    ['the notes (issue 11: search did not look in them)', { text: 'tcpstream channel' }, ['c']],
    ['filters combine', { tag: 'seed', text: 'event' }, ['b']],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filterRuns(runs, { ...noFilter, ...filter }))).toEqual(expected);
  });

  it('tags and models in use', () => {
    expect(tagsInUse(runs)).toEqual(['seed', 'models']);
    expect(modelsInUse(runs)).toEqual(['event-loop', 'pool-shared']);
  });
});

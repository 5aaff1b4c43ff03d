import { describe, expect, it } from 'vitest';
import type { UnsavedRun } from '../../../common/labApi.ts';
import { runHeaderOf } from '../../../common/runHeader.ts';
import { sampleMeasuredRecord } from '../../../common/testing/sampleRecords.ts';
import { unsavedRecordFileName, withUnsavedRun } from './unsaved.ts';

const run = (id: string, reason: string): UnsavedRun => ({ runId: `lab-${id}`, header: { ...runHeaderOf(sampleMeasuredRecord), id }, reason, fallbackPath: `/tmp/${id}.json`, fallbackError: null });

describe('unsaved runs', () => {
  it('adds a run, and replaces the one with the same record id', () => {
    const first = withUnsavedRun([], run('a', 'EROFS'));
    const second = withUnsavedRun(first, run('b', 'EROFS'));
    expect(second.map((kept) => kept.header.id)).toEqual(['a', 'b']);
    expect(withUnsavedRun(second, run('a', 'ENOSPC')).map((kept) => [kept.header.id, kept.reason])).toEqual([
      ['a', 'ENOSPC'],
      ['b', 'EROFS'],
    ]);
  });

  it.each([
    ['20261206-224000-abcdef', '20261206-224000-abcdef.json'],
    ['../../etc/x', 'etc-x.json'],
    ['', 'run.json'],
  ])('download name of %j is %j', (id, name) => {
    expect(unsavedRecordFileName(id)).toBe(name);
  });
});

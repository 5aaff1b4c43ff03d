import { describe, expect, it } from 'vitest';
import { runHeaderOf } from '../common/runHeader.ts';
import { sampleMeasuredRecord } from '../common/testing/sampleRecords.ts';
import { formatOfPath, planExportWrites } from './exportPlan.ts';
import { importReport } from './importReport.ts';

describe('Export… writes', () => {
  it('takes the format from the file type picked', () => {
    expect(formatOfPath('/home/a/runs.html')).toBe('html');
    expect(formatOfPath('/home/a/runs.HLOG')).toBe('hlog');
    expect(formatOfPath('/home/a/runs')).toBeNull();
    expect(formatOfPath('/home/a/runs.pdf')).toBeNull();
  });

  it('writes one file to the chosen path', () => {
    expect(planExportWrites('/home/a/journal.md', [{ name: 'loadlab-3-runs.md', content: '# runs' }])).toEqual([{ path: '/home/a/journal.md', content: '# runs' }]);
  });

  it('writes several into a folder named like the chosen file, never outside it', () => {
    const files = [
      { name: 'run-a.hlog', content: 'a' },
      { name: '../../escape.hlog', content: 'b' },
      { name: '..', content: 'c' },
    ];
    expect(planExportWrites('/home/a/journal.hlog', files)).toEqual([
      { path: '/home/a/journal/run-a.hlog', content: 'a' },
      { path: '/home/a/journal/escape.hlog', content: 'b' },
      { path: '/home/a/journal/export-3', content: 'c' },
    ]);
  });
});

describe('importReport', () => {
  const header = runHeaderOf(sampleMeasuredRecord);

  it('counts what was added and lists every problem by file', () => {
    const report = importReport(
      { added: [header, header], existing: ['r0'], refused: [{ file: 'runs.json', runId: '../x', message: 'not a run id: "../x"' }], errors: [{ file: 'notes.txt', message: 'not a wrk, httperf or autocannon report' }], warnings: [{ file: 'a.txt', message: 'no latency distribution' }] },
      [{ file: 'huge.log', message: 'could not read it: EACCES' }],
    );
    expect(report).toEqual({
      title: 'Import finished',
      failed: false,
      detail: [
        '2 runs added to the journal.',
        '1 run already there, left as they were.',
        'runs.json: run ../x refused: not a run id: "../x"',
        'huge.log: could not read it: EACCES',
        'notes.txt: not a wrk, httperf or autocannon report',
        'a.txt (warning): no latency distribution',
      ].join('\n'),
    });
  });

  it('says so when nothing came in', () => {
    expect(importReport({ added: [], existing: [], refused: [], errors: [{ file: 'x', message: 'empty' }], warnings: [] }, [])).toEqual({
      title: 'Nothing was imported',
      failed: true,
      detail: '0 runs added to the journal.\nx: empty',
    });
  });
});

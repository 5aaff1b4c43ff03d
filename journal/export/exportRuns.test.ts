import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportRuns } from './exportRuns.ts';
import { safeStem, uniqueStems } from './fileNames.ts';
import { importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';

const a = simulatedRecord({ id: '20261127-120000-abcdef', seed: 1 });
const b = simulatedRecord({ id: '20261127-120100-012345', seed: 2 });

describe('exportRuns', () => {
  it.each([
    // [format, file names for one run]
    ['md', ['20261127-120000-abcdef.md', '20261127-120000-abcdef-spectrum.svg', '20261127-120000-abcdef-throughput.svg', '20261127-120000-abcdef-latency.svg']],
    ['html', ['20261127-120000-abcdef.html']],
    ['json', ['20261127-120000-abcdef.json']],
    ['csv', ['20261127-120000-abcdef.csv', '20261127-120000-abcdef-series.csv']],
    ['hlog', ['20261127-120000-abcdef.hlog']],
  ] as const)('%s of one run', (format, names) => {
    expect(exportRuns([a], format).files.map((file) => file.name)).toEqual(names);
  });

  it('several runs: the primary file first, named for the set', () => {
    for (const format of EXPORT_FORMATS) {
      const [primary] = exportRuns([a, b], format).files;
      if (format === 'hlog') expect(primary?.name).toBe('20261127-120000-abcdef.hlog');
      else expect(primary?.name).toBe(`loadlab-runs.${format}`);
      expect(primary?.content.length).toBeGreaterThan(0);
    }
  });

  it('hlog: one file per run with a histogram; none at all is an error', () => {
    expect(exportRuns([a, importedRecord(), b], 'hlog').files.map((file) => file.name)).toEqual(['20261127-120000-abcdef.hlog', '20261127-120100-012345.hlog']);
    expect(() => exportRuns([importedRecord()], 'hlog')).toThrow(/no run to export has a latency histogram/);
  });

  it('nothing to export is an error', () => {
    expect(() => exportRuns([], 'json')).toThrow(/no runs/);
  });
});

describe('file names', () => {
  it.each([
    ['20261127-120000-abcdef', '20261127-120000-abcdef'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a b/c:d', 'a-b-c-d'],
    ['', 'run'],
    ['...', 'run'],
  ])('safeStem(%j) = %j', (id, stem) => {
    expect(safeStem(id)).toBe(stem);
  });

  it('unique, also when ids differ only in case or unsafe characters', () => {
    expect(uniqueStems(['a/b', 'a:b', 'A-B', 'c'])).toEqual(['a-b', 'a-b-2', 'A-B-3', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../common/runRecord.ts';
import { importText } from './importText.ts';
import { IMPORTED_AT, importTestdata, readTestdata } from './testdataFiles.ts';

describe("Loadlab's own records", () => {
  it('reads a record back as it is, with its id, adding where it came from', () => {
    const original = runRecordSchema.parse(JSON.parse(readTestdata('loadlab-run.json')));
    const { format, runs } = importTestdata('loadlab-run.json');
    expect(format).toBe('loadlab');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual({ ...original, source: { tool: 'loadlab', text: readTestdata('loadlab-run.json'), file: 'loadlab-run.json', importedAt: IMPORTED_AT } });
  });

  it('reads an array and keeps a source an earlier import gave', () => {
    const record = JSON.parse(readTestdata('loadlab-run.json')) as Record<string, unknown>;
    const imported = { ...record, id: 'i-0000000000000000', source: { tool: 'wrk', text: 'Running 1s test @ http://h/' } };
    const { runs } = importText(JSON.stringify([record, imported]), { fileName: 'runs.json', importedAt: IMPORTED_AT });
    expect(runs.map((run) => run.id)).toEqual([record.id, 'i-0000000000000000']);
    expect(runs[1]?.source).toEqual({ tool: 'wrk', text: 'Running 1s test @ http://h/' });
    expect(runs[0]?.source?.text).toBe(JSON.stringify(record, null, 2));
  });

  it('names the path of the first problem', () => {
    const record = JSON.parse(readTestdata('loadlab-run.json')) as { summary: Record<string, unknown> };
    const broken = { ...record, summary: { ...record.summary, requests: -1 } };
    expect(() => importText(JSON.stringify(broken), { fileName: 'bad.json', importedAt: IMPORTED_AT })).toThrow(/^bad\.json: not a valid Loadlab run record \(loadlab\.run\/1\) at summary\.requests: /);
  });

  it('takes a batch record by record: a bad one is refused with where its problem is, the rest read', () => {
    const record = JSON.parse(readTestdata('loadlab-run.json')) as { id: string; summary: Record<string, unknown> };
    const broken = { ...record, id: 'broken-1', summary: { ...record.summary, requests: -1 } };
    const { runs, refused } = importText(JSON.stringify([broken, record]), { fileName: 'bad.json', importedAt: IMPORTED_AT });
    expect(runs.map((run) => run.id)).toEqual([record.id]);
    expect(refused).toEqual([{ runId: 'broken-1', message: expect.stringMatching(/at \[0\]\.summary\.requests: /) as unknown }]);
  });

  it('reads JSON that starts with a UTF-8 byte-order mark', () => {
    const { format, runs } = importText(`\uFEFF${readTestdata('loadlab-run.json')}`, { fileName: 'bom.json', importedAt: IMPORTED_AT });
    expect(format).toBe('loadlab');
    expect(runs).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../common/runRecord.ts';
import { exportJson } from './json.ts';
import { connRateRecord, importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';

describe('exportJson', () => {
  it('round trip: record → JSON → runRecordSchema.parse → the same records', () => {
    const records = [simulatedRecord(), importedRecord(), connRateRecord()];
    const text = exportJson(records);
    const parsed: unknown = JSON.parse(text);
    expect(Array.isArray(parsed)).toBe(true);
    const back = (parsed as unknown[]).map((item) => runRecordSchema.parse(item));
    expect(back).toEqual(records);
  });

  it('is an indented array ending with a newline', () => {
    const text = exportJson([importedRecord()]);
    expect(text.startsWith('[\n  {\n    "schema": "loadlab.run/1",')).toBe(true);
    expect(text.endsWith(']\n')).toBe(true);
  });
});

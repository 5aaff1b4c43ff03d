import { describe, expect, it } from 'vitest';
import { measuredRunRecordSchema, runRecordSchema } from './runRecord.ts';
import { sampleImportedRecord as imported, sampleMeasuredRecord as measured } from './testing/sampleRecords.ts';

describe('run record views', () => {
  it('accepts a measured record in both views', () => {
    expect(measuredRunRecordSchema.safeParse(measured).success).toBe(true);
    expect(runRecordSchema.safeParse(measured).success).toBe(true);
  });

  it('accepts unknown figures only in the journal view', () => {
    expect(runRecordSchema.safeParse(imported).success).toBe(true);
    const strict = measuredRunRecordSchema.safeParse(imported);
    expect(strict.success).toBe(false);
    const paths = strict.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths).toContain('summary.latencyUs.p99');
    expect(paths).toContain('histograms.correctedUs');
  });

  it('still refuses what is wrong rather than unknown', () => {
    expect(runRecordSchema.safeParse({ ...imported, summary: { ...imported.summary, requests: -1 } }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...imported, schema: 'loadlab.run/2' }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...imported, summary: { ...imported.summary, latencyUs: { ...imported.summary.latencyUs, count: null } } }).success).toBe(false);
  });
});

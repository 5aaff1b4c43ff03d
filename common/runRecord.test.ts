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
    // A measured latency is all known, or (no response) all null: the union names the summary.
    expect(paths).toContain('summary.latencyUs');
    expect(paths).toContain('histograms.correctedUs');
  });

  it('a measured run without responses has unknown (null) latency, and nulls only with a count of 0', () => {
    const none = { count: 0, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null };
    expect(measuredRunRecordSchema.safeParse({ ...measured, summary: { ...measured.summary, requests: 0, latencyUs: none } }).success).toBe(true);
    expect(measuredRunRecordSchema.safeParse({ ...measured, summary: { ...measured.summary, latencyUs: { ...none, count: 3 } } }).success).toBe(false);
  });

  it('reads records written before completion and unanswered requests were recorded', () => {
    const added = ['scheduled', 'completion', 'unanswered', 'latencyWithUnansweredUs'];
    const older = Object.fromEntries(Object.entries(measured.summary).filter(([key]) => !added.includes(key)));
    const olderPoints = measured.series.map((point) => ({ tMs: point.tMs, requests: point.requests, errors: point.errors, bytes: point.bytes, latencyUs: point.latencyUs }));
    const olderRecord = { ...measured, summary: older, series: olderPoints };
    expect(Object.keys(older)).not.toContain('completion');
    expect(measuredRunRecordSchema.safeParse(olderRecord).success).toBe(true);
    expect(runRecordSchema.safeParse(olderRecord).success).toBe(true);
  });

  it('still refuses what is wrong rather than unknown', () => {
    expect(runRecordSchema.safeParse({ ...imported, summary: { ...imported.summary, requests: -1 } }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...imported, schema: 'loadlab.run/2' }).success).toBe(false);
    expect(runRecordSchema.safeParse({ ...imported, summary: { ...imported.summary, latencyUs: { ...imported.summary.latencyUs, count: null } } }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleImportedRecord, sampleMeasuredRecord } from '../../../../common/testing/sampleRecords.ts';
import { missingFacts, sourceLabel } from './runFacts.ts';

describe('missingFacts', () => {
  it('a measured run with a series lacks nothing', () => {
    const record = { ...sampleMeasuredRecord, series: [{ tMs: 1000, requests: 1, errors: 0, bytes: 1, latencyUs: null }] };
    expect(missingFacts(record)).toEqual([]);
  });

  it('a wrk report without --latency says so', () => {
    expect(missingFacts(sampleImportedRecord)).toEqual([
      'no percentiles in this wrk report (it was run without --latency)',
      'no per-interval series, so no timelines',
      'start time unknown',
      'no environment (CPU, cores, OS)',
      'no status code counts',
    ]);
  });

  it('percentiles without a histogram', () => {
    const record = { ...sampleImportedRecord, source: { tool: 'httperf', text: '' }, summary: { ...sampleImportedRecord.summary, latencyUs: sampleMeasuredRecord.summary.latencyUs } };
    expect(missingFacts(record)[0]).toBe('no latency histogram in this httperf report: the spectrum shows only the percentiles it printed');
  });

  it('an HdrHistogram log says its errors, mode and method were not in it', () => {
    const record = { ...sampleImportedRecord, source: { tool: 'hlog', text: '' } };
    expect(missingFacts(record).at(-1)).toBe('errors, load mode and method: not in the log (an HdrHistogram log holds latencies only)');
  });

  it('source label', () => {
    expect(sourceLabel(sampleImportedRecord)).toBe('wrk import');
    expect(sourceLabel(sampleMeasuredRecord)).toBeNull();
  });
});

// The facts and percentile table of the Markdown and HTML exports for a run that did not complete.
import { describe, expect, it } from 'vitest';
import { sampleMeasuredRecord } from '../../common/testing/sampleRecords.ts';
import { describeCompletion, percentileTable, runFacts } from './runFacts.ts';

const stalled = {
  ...sampleMeasuredRecord,
  summary: {
    ...sampleMeasuredRecord.summary,
    requests: 20,
    inFlightAtEnd: 4,
    unsent: 176,
    scheduled: 200,
    completion: 0.1,
    unanswered: { count: 180, failed: 0 },
    latencyWithUnansweredUs: { count: 200, mean: 400_000, p50: 410_000, p75: 630_000, p90: 770_000, p99: 890_000, p999: 900_000, p9999: 900_000, p99999: 900_000, max: 900_000, lowerBounds: ['mean' as const, 'p50' as const, 'p75' as const, 'p90' as const, 'p99' as const, 'p999' as const, 'p9999' as const, 'p99999' as const, 'max' as const] },
  },
};

describe('export facts: completion and unanswered requests', () => {
  it('names the completion, its flag and what went unanswered', () => {
    expect(describeCompletion(stalled)).toBe('10.0 % ⚠ (below 99 %): 180 of 200 scheduled requests unanswered (4 in flight, 176 unsent, 0 given up)');
    expect(runFacts(stalled)).toContainEqual(['Completion', describeCompletion(stalled)]);
    expect(describeCompletion({ ...sampleMeasuredRecord, summary: { ...sampleMeasuredRecord.summary, scheduled: undefined, completion: undefined, unanswered: undefined } })).toBe('unknown');
  });

  it('percentile table: mean and stdev rows, and a "with unanswered" column marked ≥', () => {
    const table = percentileTable(stalled);
    expect(table.columns.map((column) => column.label)).toEqual(['corrected', 'uncorrected', 'with unanswered']);
    expect(table.rows.map((row) => row[0])).toEqual(['50%', '75%', '90%', '99%', '99.9%', '99.99%', '99.999%', 'max', 'mean', 'stdev']);
    expect(table.rows[0]?.[3]).toMatch(/^≥ 410/);
    expect(table.rows.at(-1)).toEqual(['stdev', '1.00 µs', '1.00 µs', '–']);
    expect(percentileTable(sampleMeasuredRecord).columns).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleMeasuredRecord } from '../../../../common/testing/sampleRecords.ts';
import type { SeriesPoint } from '../../../../common/runRecord.ts';
import { compareTimeRows } from './compareLines.ts';

const point = (tMs: number, p99: number): SeriesPoint => ({ tMs, requests: 10, errors: 0, bytes: 0, latencyUs: { p50: 1, p90: 2, p99, max: 9 } });

describe('compareTimeRows', () => {
  it('puts each run under its key on a shared time axis', () => {
    const a = { ...sampleMeasuredRecord, series: [point(1000, 100), point(2000, 200)] };
    const b = { ...sampleMeasuredRecord, series: [point(1000, 300), point(2000, 400), point(3000, 500)] };
    expect(compareTimeRows([{ key: 'a', record: a }, { key: 'b', record: b }], 'p99')).toEqual([
      { x: 1, a: 100, b: 300 },
      { x: 2, a: 200, b: 400 },
      { x: 3, a: null, b: 500 },
    ]);
    expect(compareTimeRows([{ key: 'a', record: a }], 'reqPerSec')).toEqual([
      { x: 1, a: 10 },
      { x: 2, a: 10 },
    ]);
  });
});

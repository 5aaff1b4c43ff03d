import { describe, expect, it } from 'vitest';
import { latencyChartData, scaleRows } from './latencyChart.ts';

interface Row extends Record<'p50' | 'p99', number | null> {
  tS: number;
}

describe('latencyChartData', () => {
  it('picks the unit from the largest value and scales every line into it', () => {
    const rows: Row[] = [
      { tS: 1, p50: 900, p99: 25_000 },
      { tS: 2, p50: null, p99: null },
    ];
    const data = latencyChartData(rows, ['p50', 'p99']);
    expect(data.axis.unit.label).toBe('ms');
    expect(data.rows).toEqual([
      { tS: 1, p50: 0.9, p99: 25 },
      { tS: 2, p50: null, p99: null },
    ]);
    expect(data.axis.domain).toEqual([0.1, 100]);
  });

  it('an hour of one-second rows is drawn with at most the cap', () => {
    const rows: Row[] = Array.from({ length: 3600 }, (_, index) => ({ tS: index + 1, p50: 1000, p99: index === 1800 ? 900_000 : 2000 }));
    const data = latencyChartData(rows, ['p50', 'p99'], 800);
    expect(data.rows.length).toBeLessThanOrEqual(800);
    expect(data.rows.some((row) => row.p99 === 900)).toBe(true);
  });

  it('scaleRows leaves other fields and the input alone', () => {
    const rows: Row[] = [{ tS: 5, p50: 2000, p99: 4000 }];
    expect(scaleRows(rows, ['p50'], 1000)).toEqual([{ tS: 5, p50: 2, p99: 4000 }]);
    expect(rows[0]?.p50).toBe(2000);
  });
});

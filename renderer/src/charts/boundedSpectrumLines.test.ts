import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../../../common/histogram.ts';
import { sampleMeasuredRecord } from '../../../common/testing/sampleRecords.ts';
import { boundedSpectrumLines, BOUND_DASH } from './boundedSpectrumLines.ts';

function encoded(values: ReadonlyArray<[number, number]>): string {
  const histogram = createLatencyHistogram();
  for (const [valueUs, count] of values) for (let i = 0; i < count; i++) recordLatencyUs(histogram, valueUs);
  const text = encodeHistogram(histogram);
  histogram.destroy();
  return text;
}

const style = { key: 'r0', label: 'run A', color: '#123456', dash: '6 3', width: 2 };
const bound = { key: 'r0-bound', label: 'run A ≥ (unanswered)' };

describe('boundedSpectrumLines', () => {
  it('is one line when every request was answered', () => {
    const record = { ...sampleMeasuredRecord, histograms: { ...sampleMeasuredRecord.histograms, correctedUs: encoded([[1_000, 100]]), unansweredUs: encoded([]) } };
    const lines = boundedSpectrumLines(record, style, bound);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ key: 'r0', dash: '6 3' });
    expect(lines[0]?.lowerBound).toBeUndefined();
  });

  it('continues a failing run as a dotted lower bound at the unanswered requests’ wait, never stopping at the answered ones', () => {
    // 5 answered in 1 ms, 95 unanswered that had waited 2 s: the old Compare line ended at ~1 ms.
    const record = { ...sampleMeasuredRecord, histograms: { ...sampleMeasuredRecord.histograms, correctedUs: encoded([[1_000, 5]]), unansweredUs: encoded([[2_000_000, 95]]) } };
    const [exact, lower] = boundedSpectrumLines(record, style, bound);
    expect(exact).toMatchObject({ key: 'r0', label: 'run A', color: '#123456' });
    expect(lower).toMatchObject({ key: 'r0-bound', label: 'run A ≥ (unanswered)', color: '#123456', dash: BOUND_DASH, lowerBound: true });
    expect(lower?.points.at(-1)?.valueUs).toBeGreaterThan(1_900_000);
    expect(exact?.points.every((point) => point.valueUs < 1_100)).toBe(true);
  });

  it('keeps an imported run without histograms on its printed percentiles', () => {
    const record = { ...sampleMeasuredRecord, histograms: { ...sampleMeasuredRecord.histograms, correctedUs: null, unansweredUs: null } };
    const lines = boundedSpectrumLines(record, style, bound);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.points.length).toBeGreaterThan(0);
  });
});

import { HistogramLogReader, listTags, type Histogram } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../common/histogram.ts';
import { exportHlog, UNCORRECTED_TAG } from './hlog.ts';
import { importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';

const PERCENTILES = [50, 75, 90, 99, 99.9, 99.99, 99.999];

function figures(histogram: Histogram): number[] {
  return [...PERCENTILES.map((p) => histogram.getValueAtPercentile(p)), histogram.maxValue, histogram.totalCount];
}

describe('exportHlog', () => {
  const record = simulatedRecord({ seed: 7, stallUs: 150_000 });
  const log = exportHlog(record) ?? '';

  it('round trip: HdrHistogram’s log reader gets the same percentiles, max and count', () => {
    const reader = new HistogramLogReader(log);
    const corrected = reader.nextIntervalHistogram();
    const uncorrected = reader.nextIntervalHistogram();
    expect(reader.nextIntervalHistogram()).toBeNull();
    if (corrected === null || uncorrected === null) throw new Error('intervals missing');
    expect(figures(corrected)).toEqual(figures(decodeHistogram(record.histograms.correctedUs)));
    expect(figures(uncorrected)).toEqual(figures(decodeHistogram(record.histograms.uncorrectedUs ?? '')));
    expect(corrected.tag).not.toBe(UNCORRECTED_TAG);
    expect(uncorrected.tag).toBe(UNCORRECTED_TAG);
    expect(listTags(log)).toEqual(['NO TAG', UNCORRECTED_TAG]);
  });

  it('the interval spans the run, on the run’s start time', () => {
    const histogram = new HistogramLogReader(log).nextIntervalHistogram();
    expect(histogram?.startTimeStampMsec).toBe(Date.parse(record.startedAt));
    expect(histogram?.endTimeStampMsec).toBe(Date.parse(record.startedAt) + record.summary.durationMs);
  });

  it('has the log format header, comments and legend HdrHistogram writes', () => {
    const lines = log.split('\n');
    expect(lines[0]).toBe('#[Histogram log format version 1.3]');
    expect(lines).toContain('"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"');
    expect(lines.some((line) => line.startsWith('#[StartTime: 1795780800.000 (seconds since epoch)'))).toBe(true);
    expect(lines.filter((line) => line === '')).toEqual(['']);
  });

  it('without an uncorrected histogram: one interval', () => {
    const reader = new HistogramLogReader(exportHlog({ ...record, histograms: { ...record.histograms, uncorrectedUs: null } }) ?? '');
    expect(reader.nextIntervalHistogram()).not.toBeNull();
    expect(reader.nextIntervalHistogram()).toBeNull();
  });

  it('a title cannot break the comment line', () => {
    const text = exportHlog({ ...record, title: 'a]\nb' }) ?? '';
    expect(text.split('\n')[1]).toBe(`#[Loadlab run ${record.id}: a b]`);
  });

  it('no histogram, no log', () => {
    expect(exportHlog(importedRecord())).toBeNull();
  });
});

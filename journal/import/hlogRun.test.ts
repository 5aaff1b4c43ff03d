import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../common/histogram.ts';
import { ImportError, importText } from './importText.ts';
import { IMPORTED_AT, importTestdata } from './testdataFiles.ts';

describe('HdrHistogram interval logs', () => {
  it('one run: the sum of the intervals, one series point each', () => {
    const { format, runs, warnings } = importTestdata('hlog-jhiccup-with-basetime.hlog');
    const [run] = runs;
    expect(format).toBe('hlog');
    expect(run?.source?.tool).toBe('hlog');
    expect(run?.series).toHaveLength(62);
    expect(run?.summary.requests).toBe(48_761);
    expect(run?.series.reduce((sum, point) => sum + point.requests, 0)).toBe(48_761);
    const histogram = decodeHistogram(run?.histograms.correctedUs ?? '');
    expect(histogram.totalCount).toBe(48_761);
    histogram.destroy();
    // jHiccup logs nanoseconds; Interval_Max (ms) tells.
    expect(warnings).toEqual(['hlog-jhiccup-with-basetime.hlog:6: values are nanoseconds (Interval_Max is their max in ms); read as µs']);
    // The largest Interval_Max is 1803.551 ms; the log's histograms hold it to their precision.
    expect(Math.abs((run?.summary.latencyUs.max ?? 0) / 1_803_551 - 1)).toBeLessThan(0.01);
  });

  it('times from the log: BaseTime plus the first interval start, series ends relative to it', () => {
    const [run] = importTestdata('hlog-jhiccup-with-basetime.hlog').runs;
    expect(run?.startedAt).toBe('2015-09-09T15:22:03.250Z');
    expect(run?.series[0]?.tMs).toBeCloseTo(1007, 6);
    expect(run?.summary.durationMs).toBeCloseTo((61.131 + 1 - 0.127) * 1000, 3);
    const point = run?.series[9];
    expect(Math.abs((point?.latencyUs?.max ?? 0) / 1_551_892 - 1)).toBeLessThan(0.01);
    expect(point?.errors).toBe(0);
  });

  it('an empty tagged interval with trailing whitespace: a run of no requests, and a warning', () => {
    const { runs, warnings } = importTestdata('hlog-bug-whitespace.hlog');
    expect(runs[0]?.summary.requests).toBe(0);
    expect(runs[0]?.summary.latencyUs.p99).toBeNull();
    expect(runs[0]?.series[0]?.latencyUs).toBeNull();
    expect(warnings).toEqual(['hlog-bug-whitespace.hlog:1: the log records no values']);
  });

  it('names the line of an interval it cannot decode', () => {
    const text = '#[Histogram log format version 1.3]\n0.000,1.000,1.000,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEJISEuATEZMQ4uASkhIR4nrxg9v2lMaxhvMekILGZkKmcCAEf2CsI=\n1.000,1.000,1.000,HISTnotbase64\n';
    expect(() => importText(text, { fileName: 'bad.hlog', importedAt: IMPORTED_AT })).toThrow(ImportError);
    expect(() => importText(text, { fileName: 'bad.hlog', importedAt: IMPORTED_AT })).toThrow(/^bad\.hlog:3: not an HdrHistogram interval/);
  });
});

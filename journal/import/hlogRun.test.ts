import { HistogramLogWriter } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeHistogram, summarizeLatency } from '../../common/histogram.ts';
import type { LatencySummary } from '../../common/runRecord.ts';
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
    // The log holds latencies only: errors, the load mode and the method are not in it (null).
    expect(point?.errors).toBeNull();
    expect(run?.summary.errors).toBeNull();
    expect(run?.load.mode).toBeNull();
    expect(run?.target.method).toBeNull();
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

  it("reads Loadlab's own export back: µs values, the uncorrected histogram under its tag", () => {
    const { text, corrected, uncorrected } = loadlabStyleLog();
    const { runs, warnings } = importText(text, { fileName: 'run.hlog', importedAt: IMPORTED_AT });
    const [run] = runs;
    expect(warnings).toEqual([]);
    expect(run?.startedAt).toBe('2026-11-27T12:00:00.000Z');
    expect(run?.summary.durationMs).toBeCloseTo(2000, 6);
    // The same buckets as the histograms written (a log keeps buckets, not exact values).
    for (const [read, written] of [[run?.summary.latencyUs, corrected], [run?.summary.uncorrectedLatencyUs, uncorrected]] as const) {
      expect(read).toMatchObject({ count: written.count, min: written.min, p50: written.p50, p99: written.p99 });
      expect(Math.abs((read?.max ?? 0) / written.max - 1)).toBeLessThan(0.001);
    }
    expect(decodeHistogram(run?.histograms.uncorrectedUs ?? '').totalCount).toBe(3);
    expect(run?.series).toHaveLength(1);
  });

  it('skips intervals of other tags, with a warning', () => {
    const { text } = loadlabStyleLog('other');
    const { runs, warnings } = importText(text, { fileName: 'run.hlog', importedAt: IMPORTED_AT });
    expect(runs[0]?.summary.uncorrectedLatencyUs).toBeNull();
    expect(warnings).toEqual(['run.hlog: the log has several tags; imported the untagged intervals, skipped 1 intervals with other tags']);
  });
});

/** A log as journal/export writes it: one untagged interval and one tagged one, µs, Interval_Max in ms. */
function loadlabStyleLog(secondTag = 'uncorrected'): { text: string; corrected: LatencySummary; uncorrected: LatencySummary } {
  const summaries: LatencySummary[] = [];
  let text = '';
  const writer = new HistogramLogWriter((chunk) => {
    text += chunk;
  });
  writer.outputLogFormatVersion();
  const startS = (Date.parse('2026-11-27T12:00:00.000Z') / 1000).toFixed(3);
  writer.outputComment(`[StartTime: ${startS} (seconds since epoch), 2026-11-27T12:00:00.000Z]`);
  writer.outputComment(`[BaseTime: ${startS} (seconds since epoch)]`);
  writer.outputLegend();
  for (const [values, tag] of [[[1000, 2000, 30_000], ''], [[500, 900, 4000], secondTag]] as const) {
    const histogram = createLatencyHistogram();
    for (const value of values) histogram.recordValue(value);
    if (tag !== '') histogram.tag = tag;
    writer.outputIntervalHistogram(histogram, 0, 2, 1000);
    summaries.push(summarizeLatency(histogram));
    histogram.destroy();
  }
  const [corrected, uncorrected] = summaries;
  if (!corrected || !uncorrected) throw new Error('two intervals expected');
  return { text, corrected, uncorrected };
}

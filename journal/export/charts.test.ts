import { describe, expect, it } from 'vitest';
import { compareSpectrumChart, runLatencyChart, runSpectrumChart, runThroughputChart } from './charts.ts';
import { importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../../common/histogram.ts';
import { renderLineChart } from './svg/lineChart.ts';

describe('export charts', () => {
  const measured = simulatedRecord({ seed: 3, durationMs: 5000, stallUs: 200_000 });

  it('spectrum: log x axis of 1/(1−p) labelled in percent, latency in ms, both views in rate mode', () => {
    const chart = runSpectrumChart(measured);
    expect(chart.x.scale).toBe('log');
    // 1000 responses reach 1/(1−p) = 1024: the axis runs a little past it, to the 99.9% tick.
    expect(chart.x.ticks.map((tick) => tick.label)).toEqual(['0%', '50%', '90%', '99%', '99.9%']);
    expect(chart.x.domain?.[1]).toBeGreaterThan(1024);
    expect(chart.y.title).toBe('latency (ms)');
    expect(chart.series.map((series) => series.name)).toEqual(['corrected (from intended start)', 'uncorrected (from actual send)']);
    // The stall shows in the corrected tail and (mostly) not in the uncorrected one.
    const top = (index: number) => Math.max(...(chart.series[index]?.points ?? []).map((point) => point.y ?? 0));
    expect(top(0)).toBeGreaterThan(150);
  });

  it('spectrum of a failing run: its unanswered requests continue it dotted as lower bounds, in the run and the compare charts', () => {
    const encoded = (values: ReadonlyArray<[number, number]>): string => {
      const histogram = createLatencyHistogram();
      for (const [valueUs, count] of values) for (let i = 0; i < count; i++) recordLatencyUs(histogram, valueUs);
      const text = encodeHistogram(histogram);
      histogram.destroy();
      return text;
    };
    // 5 answered in 1 ms, 95 that had waited 2 s when the run ended.
    const failing = { ...measured, histograms: { ...measured.histograms, correctedUs: encoded([[1_000, 5]]), unansweredUs: encoded([[2_000_000, 95]]) } };
    const chart = runSpectrumChart(failing);
    expect(chart.series.map((series) => series.name)).toEqual(['corrected (from intended start)', 'corrected (from intended start) ≥ (unanswered)', 'uncorrected (from actual send)']);
    expect(chart.series[1]?.dotted).toBe(true);
    expect(chart.y.title).toBe('latency (s)');
    expect(Math.max(...(chart.series[1]?.points ?? []).map((point) => point.y ?? 0))).toBeGreaterThan(1.9);
    const compared = compareSpectrumChart([{ name: 'A', colour: '#000000', record: measured }, { name: 'B', colour: '#0072B2', dashed: true, record: failing }]);
    expect(compared.series.map((series) => series.name)).toEqual(['A', 'B', 'B ≥ (unanswered)']);
    expect(renderLineChart(compared)).toContain('stroke-dasharray="2 3"');
    // A run that answered everything keeps one line.
    expect(compareSpectrumChart([{ name: 'A', colour: '#000000', record: measured }]).series).toHaveLength(1);
  });

  it('spectrum of an imported run: its known summary percentiles, marked; none known says so', () => {
    const known = importedRecord({ summary: { ...importedRecord().summary, latencyUs: { ...importedRecord().summary.latencyUs, p50: 1000, p90: 2000, p99: 9000 } } });
    const chart = runSpectrumChart(known);
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]?.markers).toBe(true);
    expect(chart.series[0]?.points.map((point) => point.y)).toEqual([1, 2, 9]);
    expect(runSpectrumChart(importedRecord()).series[0]?.points).toEqual([]);
    expect(runSpectrumChart(importedRecord()).emptyText).toBe('latency percentiles unknown');
  });

  it('throughput and latency over time: seconds on x, units in the axis titles', () => {
    const throughput = runThroughputChart(measured);
    expect(throughput.x.title).toBe('time since start (s)');
    expect(throughput.y.title).toBe('throughput (req/s)');
    expect(throughput.series[0]?.points.map((point) => point.x)).toEqual([1, 2, 3, 4, 5]);
    expect(throughput.series[0]?.points.every((point) => point.y === 200)).toBe(true);
    const latency = runLatencyChart(measured);
    expect(latency.series.map((series) => series.name)).toEqual(['max', 'p99', 'p50']);
    expect(latency.y.title).toMatch(/^latency \((µs|ms|s)\)$/);
  });

  it('an imported run without a series has empty time charts that say why', () => {
    const chart = runThroughputChart(importedRecord());
    expect(chart.series[0]?.points).toEqual([]);
    expect(chart.emptyText).toBe('no per-interval series in this record');
  });

  it('overlay: one curve per run in the given colours', () => {
    const chart = compareSpectrumChart([
      { name: '#1', colour: '#111111', record: measured },
      { name: '#2', colour: '#222222', record: simulatedRecord({ seed: 4 }) },
    ]);
    expect(chart.series.map((series) => [series.name, series.colour])).toEqual([['#1', '#111111'], ['#2', '#222222']]);
  });
});

// The charts of the exports, as LineChart specs built from run records: the percentile spectrum
// (log axis of 1/(1−p)), requests/s over time and latency over time, per run and overlaid.
import { inverseTailTicks, latencyUnit, linearTicks, type LatencyUnit } from '../../common/chart/axis.ts';
import { maxOf } from '../../common/extent.ts';
import { downsample, type ChartPoint } from '../../common/chart/downsample.ts';
import { seriesPoints, type SeriesChartPoint } from '../../common/chart/series.ts';
import { splitLowerBounds } from '../../common/chart/boundedSpectrum.ts';
import { censoredSpectrumPoints } from '../../common/chart/censoredSpectrum.ts';
import { spectrumPoints, summarySpectrumPoints, type SpectrumPoint } from '../../common/chart/spectrum.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import type { LineChart, LineSeries } from './svg/lineChart.ts';

/** Okabe–Ito: told apart by most colour-blind readers; yellow left out (too faint on white). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** One run in an overlay chart. */
export interface ChartRun {
  name: string;
  colour: string;
  dashed?: boolean;
  record: RunRecord;
}

/** Enough points for a chart a few hundred px wide; downsampling keeps every spike. */
const MAX_POINTS_PER_LINE = 600;
const SPECTRUM_X_TITLE = 'percentile (log scale of 1/(1−p))';
const TIME_X_TITLE = 'time since start (s)';

/** The corrected spectrum from the histogram, else the percentiles the summary knows. */
export function correctedSpectrum(record: RunRecord): SpectrumPoint[] {
  const encoded = record.histograms.correctedUs;
  return encoded !== null ? spectrumPoints(encoded) : summarySpectrumPoints(record.summary.latencyUs);
}

function uncorrectedSpectrum(record: RunRecord): SpectrumPoint[] {
  const encoded = record.histograms.uncorrectedUs;
  if (encoded !== null) return spectrumPoints(encoded);
  const summary = record.summary.uncorrectedLatencyUs;
  return summary === null ? [] : summarySpectrumPoints(summary);
}

interface Curve<T> {
  name: string;
  colour: string;
  dashed?: boolean;
  dotted?: boolean;
  points: T[];
}

/**
 * The corrected spectrum as curves: with unanswered requests counted at their wait, the part they
 * can move continues dotted as lower bounds ("≥") from the last exact point, as on the run page
 * and in Compare (splitLowerBounds).
 */
function boundedSpectrumCurves(record: RunRecord, curve: Omit<Curve<SpectrumPoint>, 'points'>): Curve<SpectrumPoint>[] {
  const { correctedUs, unansweredUs } = record.histograms;
  if (correctedUs === null || unansweredUs === null || unansweredUs === undefined) return [{ ...curve, points: correctedSpectrum(record) }];
  const split = splitLowerBounds(censoredSpectrumPoints(correctedUs, unansweredUs));
  if (split.bound.length === 0) return [{ ...curve, points: split.exact }];
  return [
    { ...curve, points: split.exact },
    { ...curve, name: `${curve.name} ≥ (unanswered)`, dotted: true, points: split.bound },
  ];
}

export function runSpectrumChart(record: RunRecord): LineChart {
  const uncorrected = record.load.mode === 'rate' ? uncorrectedSpectrum(record) : [];
  const curves: Curve<SpectrumPoint>[] = boundedSpectrumCurves(record, { name: uncorrected.length > 0 ? 'corrected (from intended start)' : 'latency', colour: PALETTE[0] });
  if (uncorrected.length > 0) curves.push({ name: 'uncorrected (from actual send)', colour: PALETTE[1], dashed: true, points: uncorrected });
  return spectrumChart('Latency by percentile', curves);
}

export function compareSpectrumChart(runs: readonly ChartRun[]): LineChart {
  return spectrumChart('Latency by percentile', runs.flatMap((run) => boundedSpectrumCurves(run.record, { name: run.name, colour: run.colour, dashed: run.dashed })));
}

function spectrumChart(title: string, curves: readonly Curve<SpectrumPoint>[]): LineChart {
  const all = curves.flatMap((curve) => curve.points);
  const unit = latencyUnit(maxOf(all.map((point) => point.valueUs), 0));
  // The axis ends a little past the last level drawn: the tail fills the plot's width.
  const axisEnd = maxOf(all.map((point) => point.inverseTail), 10) * 1.15;
  const series: LineSeries[] = curves.map((curve) => ({
    name: curve.name,
    colour: curve.colour,
    dashed: curve.dashed,
    dotted: curve.dotted,
    // Summary percentiles are only a handful of points: mark them, so no one reads the line between as data.
    markers: curve.points.length > 0 && curve.points.length <= 8,
    points: downsample(curve.points.map((point) => ({ x: point.inverseTail, y: point.valueUs / unit.perUs })), MAX_POINTS_PER_LINE),
  }));
  return {
    title,
    x: { title: SPECTRUM_X_TITLE, scale: 'log', ticks: inverseTailTicks(axisEnd), domain: [1, axisEnd] },
    y: latencyAxis(all.map((point) => point.valueUs), unit),
    series,
    emptyText: 'latency percentiles unknown',
  };
}

export function runThroughputChart(record: RunRecord): LineChart {
  return throughputChart('Requests per second', [{ name: '', colour: PALETTE[0], points: seriesPoints(record) }]);
}

export function compareThroughputChart(runs: readonly ChartRun[]): LineChart {
  return throughputChart('Requests per second', runs.map((run) => ({ name: run.name, colour: run.colour, dashed: run.dashed, points: seriesPoints(run.record) })));
}

function throughputChart(title: string, curves: readonly Curve<SeriesChartPoint>[]): LineChart {
  const lines = curves.map((curve) => ({ ...curve, points: curve.points.map((point) => ({ x: point.tMs, y: point.reqPerSec })) }));
  const maxRate = maxOf(lines.flatMap((line) => line.points.map((point) => point.y)), 0);
  return timeChart(title, lines, { title: 'throughput (req/s)', scale: 'linear', ticks: linearTicks(0, maxRate, 5) }, 1);
}

/** p50, p99 and max of each interval. */
export function runLatencyChart(record: RunRecord): LineChart {
  const points = seriesPoints(record);
  const line = (pick: (point: SeriesChartPoint) => number | null): ChartPoint[] => points.map((point) => ({ x: point.tMs, y: pick(point) }));
  // Top to bottom as they are drawn (p99 often equals max in short intervals: drawn over it).
  return latencyTimeChart('Latency over time', [
    { name: 'max', colour: '#9ca3af', dashed: true, points: line((point) => point.maxUs) },
    { name: 'p99', colour: PALETTE[1], points: line((point) => point.p99Us) },
    { name: 'p50', colour: PALETTE[0], points: line((point) => point.p50Us) },
  ]);
}

export function compareP99Chart(runs: readonly ChartRun[]): LineChart {
  return latencyTimeChart(
    'p99 latency over time',
    runs.map((run) => ({ name: run.name, colour: run.colour, dashed: run.dashed, points: seriesPoints(run.record).map((point) => ({ x: point.tMs, y: point.p99Us })) })),
  );
}

function latencyTimeChart(title: string, lines: readonly Curve<ChartPoint>[]): LineChart {
  const values = lines.flatMap((line) => line.points.flatMap((point) => (point.y === null ? [] : [point.y])));
  const unit = latencyUnit(maxOf(values, 0));
  return timeChart(title, lines, latencyAxis(values, unit), unit.perUs);
}

function latencyAxis(valuesUs: readonly number[], unit: LatencyUnit): LineChart['y'] {
  return { title: `latency (${unit.label})`, scale: 'linear', ticks: linearTicks(0, maxOf(valuesUs, 0) / unit.perUs, 5) };
}

/** x: the interval ends in seconds from 0; y divided by `perUnit`. */
function timeChart(title: string, lines: readonly Curve<ChartPoint>[], y: LineChart['y'], perUnit: number): LineChart {
  const endS = maxOf(lines.flatMap((line) => line.points.map((point) => point.x / 1000)), 0);
  return {
    title,
    x: { title: TIME_X_TITLE, scale: 'linear', ticks: linearTicks(0, endS, 6) },
    y,
    series: lines.map((line) => ({
      name: line.name,
      colour: line.colour,
      dashed: line.dashed,
      points: downsample(line.points.map((point) => ({ x: point.x / 1000, y: point.y === null ? null : point.y / perUnit })), MAX_POINTS_PER_LINE),
    })),
    emptyText: 'no per-interval series in this record',
  };
}

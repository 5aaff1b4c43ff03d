// Compare groups of runs against a baseline (groups[0]): per metric, each group's median, the
// change against the baseline, and whether that change stands out from run-to-run noise.
// Pure: a function of the records, nothing else.
import { formatLatencyUs, formatSignificant } from './chart/axis.ts';
import { totalErrors, type RunRecord } from './runRecord.ts';

/** Repeated runs of one configuration. */
export interface RunGroup {
  label: string;
  runs: RunRecord[];
}

export type MetricKey = 'reqPerSec' | 'p50Us' | 'p90Us' | 'p99Us' | 'p999Us' | 'maxUs' | 'errors';

export interface Metric {
  key: MetricKey;
  /** As it reads in a sentence: "req/s", "p99", "errors". */
  label: string;
  better: 'higher' | 'lower';
  unit: 'req/s' | 'µs' | 'count';
}

/** Changes within this share of the baseline count as the same. */
export const SAME_WITHIN = 0.01;

export const METRICS: readonly Metric[] = [
  { key: 'reqPerSec', label: 'req/s', better: 'higher', unit: 'req/s' },
  { key: 'p50Us', label: 'p50', better: 'lower', unit: 'µs' },
  { key: 'p90Us', label: 'p90', better: 'lower', unit: 'µs' },
  { key: 'p99Us', label: 'p99', better: 'lower', unit: 'µs' },
  { key: 'p999Us', label: 'p99.9', better: 'lower', unit: 'µs' },
  { key: 'maxUs', label: 'max', better: 'lower', unit: 'µs' },
  { key: 'errors', label: 'errors', better: 'lower', unit: 'count' },
];

export type Direction = 'better' | 'worse' | 'same';

/**
 * - `outside-spread`: the group's min–max range of runs does not overlap the baseline's.
 * - `within-noise`: the ranges overlap.
 * - `spread-unknown`: fewer than 2 runs with the metric known on one side.
 */
export type Verdict = 'outside-spread' | 'within-noise' | 'spread-unknown';

export interface GroupValue {
  label: string;
  runs: number;
  /** Runs in which this metric is known. */
  knownRuns: number;
  /** Median over the runs where the metric is known; null when it is unknown in every run. */
  median: number | null;
  /** Range over the same runs. */
  min: number | null;
  max: number | null;
}

export interface Change {
  /** value / baseline; null when either is unknown, or the baseline is 0 and the value is not. */
  ratio: number | null;
  /** null when either value is unknown. */
  direction: Direction | null;
  /** null when either value is unknown. */
  verdict: Verdict | null;
  /** The change alone: "2.1× worse", "3% better", "0 → 5, worse", "unknown in B". */
  changeText: string;
  /** "p99 2.1× worse, outside the run-to-run spread", "req/s 3% better, within noise", "p99 unknown in B". */
  sentence: string;
}

export interface MetricComparison {
  metric: Metric;
  baseline: GroupValue;
  /** The other groups, in order, each with its change against the baseline. */
  others: { value: GroupValue; change: Change }[];
}

export interface Comparison {
  baselineLabel: string;
  metrics: MetricComparison[];
}

export function compareGroups(groups: RunGroup[]): Comparison {
  const [baseline, ...others] = groups;
  if (baseline === undefined || others.length === 0) throw new Error(`compare needs at least 2 groups, got ${groups.length}`);
  for (const group of groups) {
    if (group.runs.length === 0) throw new Error(`group "${group.label}" has no runs`);
  }
  return {
    baselineLabel: baseline.label,
    metrics: METRICS.map((metric) => {
      const base = groupValue(baseline, metric);
      return {
        metric,
        baseline: base,
        others: others.map((group) => {
          const value = groupValue(group, metric);
          return { value, change: change(metric, base, value) };
        }),
      };
    }),
  };
}

/** The metric in one run; null when the run's source did not contain it. */
export function metricValue(record: RunRecord, key: MetricKey): number | null {
  const { summary } = record;
  const latency = summary.latencyUs;
  switch (key) {
    case 'reqPerSec':
      return summary.reqPerSec;
    case 'p50Us':
      return latency.p50;
    case 'p90Us':
      return latency.p90;
    case 'p99Us':
      return latency.p99;
    case 'p999Us':
      return latency.p999;
    case 'maxUs':
      return latency.max;
    case 'errors':
      return totalErrors(summary.errors);
  }
}

function groupValue(group: RunGroup, metric: Metric): GroupValue {
  const known = group.runs.map((run) => metricValue(run, metric.key)).filter((value): value is number => value !== null);
  const sorted = [...known].sort((a, b) => a - b);
  return {
    label: group.label,
    runs: group.runs.length,
    knownRuns: known.length,
    median: median(sorted),
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
  };
}

/** Median of sorted values; the mean of the middle two for an even count; null for none. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

function change(metric: Metric, base: GroupValue, value: GroupValue): Change {
  if (base.median === null || value.median === null) {
    const unknownIn = [base, value].filter((side) => side.median === null).map((side) => side.label);
    const changeText = `unknown in ${unknownIn.join(' and ')}`;
    return { ratio: null, direction: null, verdict: null, changeText, sentence: `${metric.label} ${changeText}` };
  }
  const direction = directionOf(metric, base.median, value.median);
  const ratio = base.median === 0 ? (value.median === 0 ? 1 : null) : value.median / base.median;
  const verdict = verdictOf(base, value);
  const changeText = describeChange(metric, base.median, value.median, ratio, direction);
  return { ratio, direction, verdict, changeText, sentence: `${metric.label} ${changeText}, ${VERDICT_TEXT[verdict]}` };
}

function directionOf(metric: Metric, base: number, value: number): Direction {
  if (Math.abs(value - base) <= SAME_WITHIN * Math.abs(base)) return 'same';
  const higher = value > base;
  return higher === (metric.better === 'higher') ? 'better' : 'worse';
}

/**
 * Whether the change stands out from the run-to-run spread: the two groups' ranges (min to max
 * of their runs) do not overlap. It needs no distribution assumption and reads at a glance in a
 * table of runs. It is a weak test with few runs: when both configurations are in truth the same,
 * the ranges of n and m runs fall apart by chance with probability 2·n!·m!/(n+m)!, 1 in 3 for
 * 2 + 2 runs, 1 in 10 for 3 + 3, 1 in 35 for 4 + 4; take 3 or more runs each before believing
 * a small change. With a single known run on a side the spread is unknown and no verdict is given.
 */
function verdictOf(base: GroupValue, value: GroupValue): Verdict {
  if (base.knownRuns < 2 || value.knownRuns < 2) return 'spread-unknown';
  if (base.min === null || base.max === null || value.min === null || value.max === null) return 'spread-unknown';
  return value.min > base.max || value.max < base.min ? 'outside-spread' : 'within-noise';
}

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  'outside-spread': 'outside the run-to-run spread',
  'within-noise': 'within noise',
  'spread-unknown': 'spread unknown with a single run',
};

/** A change of 2× or more reads as a factor ("2.1× worse"), a smaller one as a percentage ("3% better"). */
function describeChange(metric: Metric, base: number, value: number, ratio: number | null, direction: Direction): string {
  if (direction === 'same') return `same to within ${SAME_WITHIN * 100}%`;
  if (ratio === null || ratio === 0) return `${formatValue(metric, base)} → ${formatValue(metric, value)}, ${direction}`;
  const factor = Math.max(ratio, 1 / ratio);
  if (factor >= 2) return `${formatSignificant(Number(factor.toFixed(1)))}× ${direction}`;
  const percent = Math.abs(ratio - 1) * 100;
  return `${percent < 10 ? formatSignificant(Number(percent.toFixed(1))) : Math.round(percent)}% ${direction}`;
}

/** A metric value with its unit, for sentences and tables: "1.23 ms", "1024 req/s", "5". */
export function formatValue(metric: Metric, value: number): string {
  switch (metric.unit) {
    case 'µs':
      return formatLatencyUs(value);
    case 'req/s':
      return `${formatSignificant(value)} req/s`;
    case 'count':
      return String(value);
  }
}

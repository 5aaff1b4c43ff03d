// Compare groups of runs against a baseline (groups[0]): per metric, each group's median, the
// change against the baseline, and whether that change stands out from run-to-run noise.
// Pure: a function of the records, nothing else.
import { describeVerdict, noiseVerdict } from './bootstrap.ts';
import { maxOf, minOf } from './extent.ts';
import { formatLatencyUs, formatSignificant } from './chart/axis.ts';
import { COMPLETION_COMPARABLE_WITHIN, formatCompletion, headlineLatency } from './censored.ts';
import { totalErrors, type BoundedStat, type RunRecord } from './runRecord.ts';

/** Repeated runs of one configuration. */
export interface RunGroup {
  label: string;
  runs: RunRecord[];
}

export type MetricKey = 'reqPerSec' | 'completion' | 'meanUs' | 'stdevUs' | 'p50Us' | 'p90Us' | 'p99Us' | 'p999Us' | 'maxUs' | 'errors';

export interface Metric {
  key: MetricKey;
  /** As it reads in a sentence: "req/s", "p99", "errors". */
  label: string;
  better: 'higher' | 'lower';
  unit: 'req/s' | 'µs' | 'count' | 'ratio';
}

/** Changes within this share of the baseline count as the same. */
export const SAME_WITHIN = 0.01;

export const METRICS: readonly Metric[] = [
  { key: 'reqPerSec', label: 'req/s', better: 'higher', unit: 'req/s' },
  { key: 'completion', label: 'completion', better: 'higher', unit: 'ratio' },
  { key: 'meanUs', label: 'mean', better: 'lower', unit: 'µs' },
  { key: 'stdevUs', label: 'stdev', better: 'lower', unit: 'µs' },
  { key: 'p50Us', label: 'p50', better: 'lower', unit: 'µs' },
  { key: 'p90Us', label: 'p90', better: 'lower', unit: 'µs' },
  { key: 'p99Us', label: 'p99', better: 'lower', unit: 'µs' },
  { key: 'p999Us', label: 'p99.9', better: 'lower', unit: 'µs' },
  { key: 'maxUs', label: 'max', better: 'lower', unit: 'µs' },
  { key: 'errors', label: 'errors', better: 'lower', unit: 'count' },
];

export type Direction = 'better' | 'worse' | 'same';

/**
 * Verdicts that know the noise (common/bootstrap.ts: an exact permutation test over runs decides,
 * a bootstrap over runs gives the 95 % interval of the change):
 * - `different`: the change stands out from the run-to-run noise; `Change.interval` bounds it.
 * - `no-difference`: none detectable with these runs.
 * - `too-few-runs`: 2 or 3 runs on a side: no split of so few runs could show a difference at 95 %.
 * - `spread-unknown`: a single run with the metric known on one side.
 * - `undefined`: the baseline is 0, so a relative change has no meaning.
 * - `completion-differs`: a latency metric between groups whose completion (answered / scheduled)
 *   differs by more than 1 point: their latencies are of different sets of requests, so no verdict.
 */
export type Verdict = 'different' | 'no-difference' | 'too-few-runs' | 'spread-unknown' | 'undefined' | 'completion-differs';

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
  /** The known values, one per run (what the verdict resamples). */
  values: number[];
  /** Some run's value is a lower bound (unanswered requests counted at their wait): shown "≥". */
  lowerBound: boolean;
}

export interface Change {
  /** value / baseline; null when either is unknown, or the baseline is 0 and the value is not. */
  ratio: number | null;
  /** null when either value is unknown. */
  direction: Direction | null;
  /** null when either value is unknown. */
  verdict: Verdict | null;
  /** 95 % interval of value / baseline (means of the runs) when the verdict is `different`. */
  interval: { low: number; high: number } | null;
  /** The verdict in words: "95 % interval +8.1 % to +16 %", "no difference detectable with 4 runs each". */
  verdictText: string;
  /** The change alone: "2.1× worse", "3% better", "0 → 5, worse", "unknown in B". */
  changeText: string;
  /** "p99 2.1× worse, 95 % interval +106 % to +123 %", "req/s 3% better, no difference detectable with 4 runs each", "p99 unknown in B". */
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
          const refusal = metric.unit === 'µs' ? completionRefusal(baseline, group) : null;
          return { value, change: refusal === null ? change(metric, base, value) : refusedChange(metric, base, value, refusal) };
        }),
      };
    }),
  };
}

/** One group's runs alone (nothing to compare with): each metric's median and range over its runs. */
export interface GroupSpread {
  label: string;
  metrics: { metric: Metric; value: GroupValue }[];
}

export function groupSpread(group: RunGroup): GroupSpread {
  return { label: group.label, metrics: METRICS.map((metric) => ({ metric, value: groupValue(group, metric) })) };
}

const LATENCY_STATS: Partial<Record<MetricKey, BoundedStat>> = { meanUs: 'mean', p50Us: 'p50', p90Us: 'p90', p99Us: 'p99', p999Us: 'p999', maxUs: 'max' };

/**
 * The metric in one run; null when the run's source did not contain it. Latency figures are the
 * headline ones (common/censored.ts): with unanswered requests counted when there were any.
 * The stdev is the answered requests' (a censored value bounds no spread).
 */
export function metricValue(record: RunRecord, key: MetricKey): number | null {
  return metricEntry(record, key).value;
}

function metricEntry(record: RunRecord, key: MetricKey): { value: number | null; lowerBound: boolean } {
  const { summary } = record;
  const stat = LATENCY_STATS[key];
  if (stat !== undefined) {
    const bounded = headlineLatency(summary, stat);
    return { value: bounded.valueUs, lowerBound: bounded.lowerBound };
  }
  switch (key) {
    case 'reqPerSec':
      return { value: summary.reqPerSec, lowerBound: false };
    case 'completion':
      return { value: summary.completion ?? null, lowerBound: false };
    case 'stdevUs':
      return { value: summary.latencyUs.count === 0 ? null : summary.latencyUs.stdev, lowerBound: false };
    case 'errors':
      return { value: summary.errors === null ? null : totalErrors(summary.errors), lowerBound: false };
    default:
      return { value: null, lowerBound: false };
  }
}

function groupValue(group: RunGroup, metric: Metric): GroupValue {
  const entries = group.runs.map((run) => metricEntry(run, metric.key)).filter((entry) => entry.value !== null);
  const known = entries.map((entry) => entry.value).filter((value): value is number => value !== null);
  const sorted = [...known].sort((a, b) => a - b);
  return {
    lowerBound: entries.some((entry) => entry.lowerBound),
    label: group.label,
    runs: group.runs.length,
    knownRuns: known.length,
    median: median(sorted),
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
    values: known,
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
    return { ratio: null, direction: null, verdict: null, interval: null, verdictText: '', changeText, sentence: `${metric.label} ${changeText}` };
  }
  const direction = directionOf(metric, base.median, value.median);
  const ratio = base.median === 0 ? (value.median === 0 ? 1 : null) : value.median / base.median;
  const { verdict, interval, verdictText } = verdictOf(base, value);
  const changeText = describeChange(metric, base.median, value.median, ratio, direction);
  return { ratio, direction, verdict, interval, verdictText, changeText, sentence: `${metric.label} ${changeText}, ${verdictText}` };
}

/**
 * Why no latency verdict can be given between two groups: their completions (known in every run)
 * differ by more than 1 point. Null when they are comparable or a completion is unknown.
 */
export function completionRefusal(a: RunGroup, b: RunGroup): string | null {
  const range = (group: RunGroup): [number, number] | null => {
    const values = group.runs.map((run) => run.summary.completion ?? null);
    if (values.some((value) => value === null)) return null;
    const known = values.filter((value): value is number => value !== null);
    return [minOf(known, Number.POSITIVE_INFINITY), maxOf(known, Number.NEGATIVE_INFINITY)];
  };
  const ra = range(a);
  const rb = range(b);
  if (ra === null || rb === null) return null;
  const spread = Math.max(Math.abs(ra[1] - rb[0]), Math.abs(rb[1] - ra[0]));
  if (spread <= COMPLETION_COMPARABLE_WITHIN + 1e-12) return null;
  const text = (range: [number, number]): string => (range[0] === range[1] ? formatCompletion(range[0]) : `${formatCompletion(range[0])}–${formatCompletion(range[1])}`);
  return `no verdict: completion ${text(ra)} in ${a.label} vs ${text(rb)} in ${b.label} differs by more than 1 point, so the latencies are of different sets of requests`;
}

function refusedChange(metric: Metric, base: GroupValue, value: GroupValue, refusal: string): Change {
  const shown = change(metric, base, value);
  return { ratio: shown.ratio, direction: null, verdict: 'completion-differs', interval: null, verdictText: VERDICT_TEXT['completion-differs'], changeText: shown.changeText, sentence: `${metric.label} ${shown.changeText}; ${refusal}` };
}

function directionOf(metric: Metric, base: number, value: number): Direction {
  if (Math.abs(value - base) <= SAME_WITHIN * Math.abs(base)) return 'same';
  const higher = value > base;
  return higher === (metric.better === 'higher') ? 'better' : 'worse';
}

/** A ratio as a signed change: 1.081 → "+8.1 %", 0.84 → "−16 %". */
function signedPercent(ratio: number): string {
  const change = (ratio - 1) * 100;
  const digits = Math.abs(change) < 10 ? 1 : 0;
  const text = Math.abs(change).toFixed(digits);
  return `${change < 0 ? '−' : '+'}${text} %`;
}

/**
 * Whether the change stands out from the run-to-run noise (common/bootstrap.ts): claimed only
 * when an exact permutation test over the runs rejects "no change" at 5 % and the bootstrap's
 * 95 % interval of the ratio of means excludes 1. With a single known run on a side the spread is
 * unknown; with 2 or 3 no split of the runs could reach 5 %, so no claim is made either way.
 */
function verdictOf(base: GroupValue, value: GroupValue): { verdict: Verdict; interval: { low: number; high: number } | null; verdictText: string } {
  if (base.knownRuns < 2 || value.knownRuns < 2) return { verdict: 'spread-unknown', interval: null, verdictText: VERDICT_TEXT['spread-unknown'] };
  const noise = noiseVerdict(base.values, value.values);
  switch (noise.kind) {
    case 'different':
      return {
        verdict: 'different',
        interval: { low: noise.interval.low, high: noise.interval.high },
        verdictText: `95 % interval ${signedPercent(noise.interval.low)} to ${signedPercent(noise.interval.high)}`,
      };
    case 'no-difference':
      return { verdict: 'no-difference', interval: null, verdictText: describeVerdict(noise, value.label, { up: 'higher', down: 'lower' }) };
    case 'too-few-runs':
      return { verdict: 'too-few-runs', interval: null, verdictText: describeVerdict(noise, value.label, { up: 'higher', down: 'lower' }) };
    case 'undefined':
      return { verdict: 'undefined', interval: null, verdictText: noise.reason };
  }
}

/** The verdicts' fixed wording; `Change.verdictText` has the figures of each. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  different: 'outside the run-to-run noise',
  'no-difference': 'no difference detectable',
  'too-few-runs': 'too few runs for a verdict',
  'spread-unknown': 'spread unknown with a single run',
  undefined: 'no ratio to a baseline of 0',
  'completion-differs': 'no verdict: completion differs by more than 1 point',
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
    case 'ratio':
      return formatCompletion(value);
  }
}

/** A group's value as tables show it: "unknown", "≥ 1.98 s" for a lower bound, else the value. */
export function formatGroupValue(metric: Metric, value: GroupValue): string {
  if (value.median === null) return 'unknown';
  return `${value.lowerBound ? '≥ ' : ''}${formatValue(metric, value.median)}`;
}

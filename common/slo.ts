// Thresholds (service-level objectives) a run must meet: `--slo p99=50ms,errors=0.1%`.
// A run passes when every threshold holds; a threshold on an unknown figure does not pass,
// since nothing shows it holds. Pure: parsing and judging, no I/O.
import { parseDurationMs } from './units.ts';

export type LatencyFigure = 'mean' | 'p50' | 'p75' | 'p90' | 'p99' | 'p999' | 'p9999' | 'max';

export type Threshold =
  /** The figure must be at most `maxUs`. */
  | { kind: 'latency'; figure: LatencyFigure; maxUs: number }
  /** Errors as a share of scheduled (or sent) requests, at most this many percent. */
  | { kind: 'errors'; maxPct: number }
  /** Answered share of scheduled requests, at least this many percent. */
  | { kind: 'completion'; minPct: number }
  /** Achieved throughput, at least this many requests per second. */
  | { kind: 'throughput'; minPerSec: number };

/** The figures of one run that thresholds are judged on; null is unknown. */
export interface SloFigures {
  latencyUs: Record<LatencyFigure, number | null>;
  /** The latency figures that are only lower bounds (unanswered requests censored into them). */
  latencyLowerBounds: readonly LatencyFigure[];
  errorsPct: number | null;
  completionPct: number | null;
  reqPerSec: number | null;
}

export interface ThresholdResult {
  threshold: Threshold;
  /** The run's figure; null when unknown. */
  actual: number | null;
  passed: boolean;
  /** "p99 71.2ms > 50ms (by 21.2ms, 42 %)", "errors 0.02% ≤ 0.1%". */
  text: string;
}

const LATENCY_ALIASES: Record<string, LatencyFigure> = {
  mean: 'mean',
  avg: 'mean',
  p50: 'p50',
  median: 'p50',
  p75: 'p75',
  p90: 'p90',
  p99: 'p99',
  'p99.9': 'p999',
  p999: 'p999',
  'p99.99': 'p9999',
  p9999: 'p9999',
  max: 'max',
};

const LATENCY_LABELS: Record<LatencyFigure, string> = {
  mean: 'mean',
  p50: 'p50',
  p75: 'p75',
  p90: 'p90',
  p99: 'p99',
  p999: 'p99.9',
  p9999: 'p99.99',
  max: 'max',
};

function parsePercent(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** Parses "p99=50ms,errors=0.1%"; returns the thresholds or a message naming the bad part. */
export function parseSlo(text: string): Threshold[] | string {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return 'an SLO needs at least one threshold, such as p99=50ms or errors=0.1%';
  const thresholds: Threshold[] = [];
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals <= 0) return `"${part}" is not NAME=VALUE (for example p99=50ms, errors=0.1%, completion=99.9%, rps=1000)`;
    const name = part.slice(0, equals).trim().toLowerCase();
    const value = part.slice(equals + 1).trim();
    const figure = LATENCY_ALIASES[name];
    if (figure !== undefined) {
      const ms = /^\d+(\.\d+)?\s*us$/i.test(value) ? Number(value.replace(/us$/i, '')) / 1000 : parseDurationMs(/^\d+(\.\d+)?$/.test(value) ? `${value}ms` : value);
      if (ms === null || !(ms > 0)) return `${name} needs a duration such as 50ms, 1.5s or 800us, got "${value}"`;
      thresholds.push({ kind: 'latency', figure, maxUs: Math.round(ms * 1000) });
    } else if (name === 'errors') {
      const pct = parsePercent(value);
      if (pct === null || pct > 100) return `errors needs a percentage such as 0.1%, got "${value}"`;
      thresholds.push({ kind: 'errors', maxPct: pct });
    } else if (name === 'completion') {
      const pct = parsePercent(value);
      if (pct === null || pct > 100) return `completion needs a percentage such as 99.9%, got "${value}"`;
      thresholds.push({ kind: 'completion', minPct: pct });
    } else if (name === 'rps' || name === 'req/s') {
      const perSec = Number(value);
      if (!(perSec > 0) || !Number.isFinite(perSec)) return `${name} needs a rate in requests per second such as 1000, got "${value}"`;
      thresholds.push({ kind: 'throughput', minPerSec: perSec });
    } else {
      return `unknown SLO figure "${name}" (known: mean, p50, p75, p90, p99, p99.9, p99.99, max, errors, completion, rps)`;
    }
  }
  return thresholds;
}

function formatUs(us: number): string {
  if (us >= 1_000_000) return `${Number((us / 1_000_000).toPrecision(4))}s`;
  if (us >= 1000) return `${Number((us / 1000).toPrecision(4))}ms`;
  return `${Number(us.toPrecision(4))}us`;
}

function formatPct(pct: number): string {
  return `${Number(pct.toPrecision(4))}%`;
}

function judgeOne(threshold: Threshold, figures: SloFigures): ThresholdResult {
  switch (threshold.kind) {
    case 'latency': {
      const label = LATENCY_LABELS[threshold.figure];
      const actual = figures.latencyUs[threshold.figure];
      if (actual === null) return { threshold, actual, passed: false, text: `${label} unknown, needs ≤ ${formatUs(threshold.maxUs)}` };
      const lowerBound = figures.latencyLowerBounds.includes(threshold.figure);
      const bound = lowerBound ? '≥ ' : '';
      if (actual <= threshold.maxUs) {
        // A lower bound under the threshold shows nothing: the real figure may be above it.
        if (lowerBound) {
          return { threshold, actual, passed: false, text: `${label} ${bound}${formatUs(actual)} cannot show ≤ ${formatUs(threshold.maxUs)} (unanswered requests)` };
        }
        return { threshold, actual, passed: true, text: `${label} ${formatUs(actual)} ≤ ${formatUs(threshold.maxUs)}` };
      }
      const over = actual - threshold.maxUs;
      return {
        threshold,
        actual,
        passed: false,
        text: `${label} ${bound}${formatUs(actual)} > ${formatUs(threshold.maxUs)} (over by ${bound}${formatUs(over)}, ${Math.round((over / threshold.maxUs) * 100)} %)`,
      };
    }
    case 'errors': {
      const actual = figures.errorsPct;
      if (actual === null) return { threshold, actual, passed: false, text: `errors unknown, needs ≤ ${formatPct(threshold.maxPct)}` };
      const passed = actual <= threshold.maxPct;
      return { threshold, actual, passed, text: `errors ${formatPct(actual)} ${passed ? '≤' : '>'} ${formatPct(threshold.maxPct)}` };
    }
    case 'completion': {
      const actual = figures.completionPct;
      if (actual === null) return { threshold, actual, passed: false, text: `completion unknown, needs ≥ ${formatPct(threshold.minPct)}` };
      const passed = actual >= threshold.minPct;
      return { threshold, actual, passed, text: `completion ${formatPct(actual)} ${passed ? '≥' : '<'} ${formatPct(threshold.minPct)}` };
    }
    case 'throughput': {
      const actual = figures.reqPerSec;
      if (actual === null) return { threshold, actual, passed: false, text: `req/s unknown, needs ≥ ${threshold.minPerSec}` };
      const passed = actual >= threshold.minPerSec;
      return { threshold, actual, passed, text: `req/s ${Number(actual.toPrecision(5))} ${passed ? '≥' : '<'} ${threshold.minPerSec}` };
    }
  }
}

/** Every threshold judged; the run passes when all pass. */
export function judgeSlo(thresholds: readonly Threshold[], figures: SloFigures): { passed: boolean; results: ThresholdResult[] } {
  const results = thresholds.map((threshold) => judgeOne(threshold, figures));
  return { passed: results.every((result) => result.passed), results };
}

/** The thresholds written back as `--slo` text. */
export function formatSlo(thresholds: readonly Threshold[]): string {
  return thresholds
    .map((threshold) => {
      switch (threshold.kind) {
        case 'latency':
          return `${LATENCY_LABELS[threshold.figure]}=${formatUs(threshold.maxUs)}`;
        case 'errors':
          return `errors=${formatPct(threshold.maxPct)}`;
        case 'completion':
          return `completion=${formatPct(threshold.minPct)}`;
        case 'throughput':
          return `rps=${threshold.minPerSec}`;
      }
    })
    .join(',');
}

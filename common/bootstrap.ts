// Verdicts that know the noise: is group B different from group A, given repeated runs of each?
//
// The unit of noise is the run, not the request: requests within one run are not independent
// (a GC pause or a noisy neighbour moves thousands of them at once).
//
// Two questions, two methods:
// - Is there a difference? An exact two-sided permutation test on the difference of the means
//   (every way of splitting the pooled runs into groups of the same sizes; seeded Monte Carlo
//   past MAX_EXACT_SPLITS). Its false-claim rate is at most 5 % whatever the distribution, which
//   a percentile bootstrap alone does not give with few runs (measured on synthetic noise: 20 %
//   false claims with 3 runs a side, 15 % with 5).
// - How large? A percentile bootstrap over runs (Efron & Tibshirani, ch. 13) of mean(B)/mean(A):
//   the 95 % interval quoted with the claim.
// A difference is claimed only when the permutation test rejects "no change" at 5 % and the
// bootstrap interval excludes a ratio of 1. With 3 runs a side no split can reach 5 % (the
// smallest possible p is 2/20), so that is reported as too few runs rather than "no difference".
// Seeds come from the data, so the same runs always give the same verdict.
import { seededRandom } from './random.ts';

export const BOOTSTRAP_ITERATIONS = 10_000;
/** Past this many splits the permutation test samples splits instead of enumerating them. */
export const MAX_EXACT_SPLITS = 200_000;
const MONTE_CARLO_SPLITS = 20_000;
const SIGNIFICANCE = 0.05;
const CONFIDENCE = 0.95;

export interface RatioInterval {
  /** mean(B) / mean(A). */
  ratio: number;
  /** 95 % interval of that ratio. */
  low: number;
  high: number;
}

export type NoiseVerdict =
  | { kind: 'different'; interval: RatioInterval }
  | { kind: 'no-difference'; interval: RatioInterval; runsA: number; runsB: number }
  | { kind: 'too-few-runs'; runsA: number; runsB: number }
  | { kind: 'undefined'; reason: string };

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** A seed that depends only on the values, so the verdict is a function of the data. */
function seedOf(a: readonly number[], b: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const value of [...a, Number.NaN, ...b]) {
    const text = String(value);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

function resampledMean(values: readonly number[], random: () => number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)] ?? 0;
  return sum / values.length;
}

/** Percentile (0..1) of sorted values, by linear interpolation. */
function percentileOfSorted(sorted: Float64Array, fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const lowValue = sorted[below] ?? 0;
  const highValue = sorted[above] ?? 0;
  return lowValue + (highValue - lowValue) * (position - below);
}

/** n choose k, exactly for the sizes used here. */
function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The smallest two-sided p-value a permutation test can give with these group sizes. */
export function smallestPValue(runsA: number, runsB: number): number {
  return Math.min(1, 2 / choose(runsA + runsB, runsA));
}

/**
 * Two-sided permutation p-value of |mean(B) − mean(A)|: the share of splits of the pooled runs
 * whose difference is at least as large as the observed one (the observed split included).
 */
export function permutationPValue(a: readonly number[], b: readonly number[]): number {
  const pooled = [...a, ...b];
  const total = pooled.reduce((sum, value) => sum + value, 0);
  const n = a.length;
  const m = b.length;
  const differenceOf = (sumA: number): number => Math.abs((total - sumA) / m - sumA / n);
  // A tiny tolerance so that splits equal to the observed one in exact arithmetic count as such.
  const observed = differenceOf(a.reduce((sum, value) => sum + value, 0)) * (1 - 1e-12);
  const splits = choose(n + m, n);
  if (splits <= MAX_EXACT_SPLITS) {
    let atLeast = 0;
    const visit = (start: number, picked: number, sumA: number): void => {
      if (picked === n) {
        if (differenceOf(sumA) >= observed) atLeast++;
        return;
      }
      for (let i = start; i <= pooled.length - (n - picked); i++) visit(i + 1, picked + 1, sumA + (pooled[i] ?? 0));
    };
    visit(0, 0, 0);
    return atLeast / splits;
  }
  const random = seededRandom(seedOf(a, b) ^ 0x5bd1e995);
  const order = pooled.map((_, i) => i);
  let atLeast = 1;
  for (let round = 0; round < MONTE_CARLO_SPLITS; round++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let sumA = 0;
    for (let i = 0; i < n; i++) sumA += pooled[order[i] ?? 0] ?? 0;
    if (differenceOf(sumA) >= observed) atLeast++;
  }
  return atLeast / (MONTE_CARLO_SPLITS + 1);
}

/** The percentile-bootstrap 95 % interval of mean(B)/mean(A); null when mean(A) is 0. */
export function bootstrapRatioInterval(a: readonly number[], b: readonly number[], iterations = BOOTSTRAP_ITERATIONS): RatioInterval | null {
  const meanA = mean(a);
  if (!(meanA > 0)) return null;
  const random = seededRandom(seedOf(a, b));
  const ratios = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const resampledA = resampledMean(a, random);
    // A resample of A is all zeros only when A holds zeros; such a round has no finite ratio.
    ratios[i] = resampledA > 0 ? resampledMean(b, random) / resampledA : Number.POSITIVE_INFINITY;
  }
  ratios.sort();
  const tail = (1 - CONFIDENCE) / 2;
  return { ratio: mean(b) / meanA, low: percentileOfSorted(ratios, tail), high: percentileOfSorted(ratios, 1 - tail) };
}

/** The verdict on B against A from their runs' values of one figure (req/s, a latency). */
export function noiseVerdict(a: readonly number[], b: readonly number[], iterations = BOOTSTRAP_ITERATIONS): NoiseVerdict {
  if (a.length === 0 || b.length === 0 || smallestPValue(a.length, b.length) >= SIGNIFICANCE) {
    return { kind: 'too-few-runs', runsA: a.length, runsB: b.length };
  }
  const interval = bootstrapRatioInterval(a, b, iterations);
  if (interval === null) return { kind: 'undefined', reason: 'the baseline mean is 0, so a ratio has no meaning' };
  const excludesNoChange = interval.low > 1 || interval.high < 1;
  if (excludesNoChange && permutationPValue(a, b) < SIGNIFICANCE) return { kind: 'different', interval };
  return { kind: 'no-difference', interval, runsA: a.length, runsB: b.length };
}

function percentText(ratio: number): string {
  const change = (ratio - 1) * 100;
  return `${change.toFixed(Math.abs(change) < 10 ? 1 : 0)} %`;
}

/** What a rise and a fall of the figure are called: req/s {up: 'more req/s'…}, p99 {up: 'slower', down: 'faster'}. */
export interface ChangeWords {
  up: string;
  down: string;
}

/**
 * The verdict as a sentence: "B is 12.0 % faster (95 % interval 8.1 % – 15.9 %)",
 * "no difference detectable with 3 runs each". A fall is stated as a reduction (0.8× → "20.0 %").
 */
export function describeVerdict(verdict: NoiseVerdict, labelB: string, words: ChangeWords): string {
  switch (verdict.kind) {
    case 'too-few-runs':
      return `too few runs for a verdict (${verdict.runsA} and ${verdict.runsB}; 4 on each side can show a difference)`;
    case 'undefined':
      return verdict.reason;
    case 'no-difference':
      return verdict.runsA === verdict.runsB
        ? `no difference detectable with ${verdict.runsA} runs each`
        : `no difference detectable with ${verdict.runsA} and ${verdict.runsB} runs`;
    case 'different': {
      const { ratio, low, high } = verdict.interval;
      const up = ratio > 1;
      const size = (r: number): string => percentText(up ? r : 2 - r);
      const [near, far] = up ? [low, high] : [high, low];
      return `${labelB} is ${size(ratio)} ${up ? words.up : words.down} (95 % interval ${size(near)} – ${size(far)})`;
    }
  }
}

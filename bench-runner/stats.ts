// Plain statistics over a list of samples (wrk's per-thread Req/Sec row).
import type { RateStats } from '../common/runRecord.ts';

export function rateStats(samples: readonly number[]): RateStats {
  const n = samples.length;
  if (n === 0) return { mean: 0, stdev: 0, max: 0, withinStdevPct: 0, samples: 0 };
  let sum = 0;
  let max = -Infinity;
  for (const value of samples) {
    sum += value;
    if (value > max) max = value;
  }
  const mean = sum / n;
  let squares = 0;
  for (const value of samples) squares += (value - mean) ** 2;
  // Sample standard deviation, as wrk's stats_stdev computes it.
  const stdev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  let within = 0;
  for (const value of samples) if (value >= mean - stdev && value <= mean + stdev) within++;
  return { mean, stdev, max, withinStdevPct: (within / n) * 100, samples: n };
}

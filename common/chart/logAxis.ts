// A log-scaled latency axis: the unit that keeps labels short and decade ticks (with 2 and 5
// between them when the range is narrow), so a 1 ms p50 and a 1 s max read on one chart.
import { formatTickNumber, latencyUnit, type LatencyUnit } from './axis.ts';

export interface LogAxis {
  unit: LatencyUnit;
  /** In the unit. */
  domain: [number, number];
  ticks: number[];
  format(value: number): string;
}

/** From the smallest and largest latency (µs) drawn; null or non-positive values are ignored. */
export function logLatencyAxis(valuesUs: Iterable<number | null>): LogAxis {
  let min = Infinity;
  let max = 0;
  for (const value of valuesUs) {
    if (value === null || !(value > 0) || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max === 0) {
    min = 100;
    max = 10_000;
  }
  const unit = latencyUnit(max);
  const low = 10 ** Math.floor(Math.log10(min / unit.perUs));
  const high = 10 ** Math.ceil(Math.log10(max / unit.perUs) - 1e-9);
  const top = high <= low ? low * 10 : high;
  return { unit, domain: [low, top], ticks: logTicks(low, top), format: formatTickNumber };
}

/** 1-2-5 ticks across at most two decades, decades only beyond. */
export function logTicks(low: number, high: number): number[] {
  const decades = Math.round(Math.log10(high / low));
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let exponent = Math.round(Math.log10(low)); exponent <= Math.round(Math.log10(high)); exponent++) {
    for (const step of steps) {
      const value = Number((step * 10 ** exponent).toPrecision(6));
      if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}

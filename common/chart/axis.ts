// Axis ticks and units for charts: "nice" linear ticks, the percentile ticks of a log axis of
// 1/(1−p), and a latency unit chosen so tick labels stay short.

export interface Tick {
  value: number;
  label: string;
}

export interface LatencyUnit {
  /** "µs", "ms" or "s". */
  label: string;
  /** Divide a value in µs by this to get the unit. */
  perUs: number;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round step (1, 2, 2.5 or 5 × 10^k) that cuts [0, span] into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((candidate) => candidate * magnitude >= raw) ?? 10;
  return step * magnitude;
}

/**
 * Ticks from `min` (rounded down to a step) to the first step at or above `max`, about `count`
 * intervals. A flat or empty range (max ≤ min) still gets an axis from min to min + 1.
 */
export function linearTicks(min: number, max: number, count = 5, format: (value: number) => string = formatTickNumber): Tick[] {
  const high = max > min ? max : min + 1;
  const step = niceStep(high - min, count);
  const start = Math.floor(min / step) * step;
  const ticks: Tick[] = [];
  for (let index = 0; ; index++) {
    const value = roundToStep(start + index * step, step);
    ticks.push({ value, label: format(value) });
    if (value >= high - step * 1e-9) break;
  }
  return ticks;
}

function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}

/** A tick number without float noise: 0.30000000000000004 prints 0.3, 12000 prints 12000. */
export function formatTickNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * Ticks of a log axis of 1/(1−p) that ends at `maxInverseTail` (the data's last level): 1 (0%),
 * 2 (50%), 10 (90%), then 100 (99%), 1000 (99.9%) … as far as the axis reaches. 0%, 50% and 90%
 * are always there, so even a short axis is labelled.
 */
export function inverseTailTicks(maxInverseTail: number): Tick[] {
  const ticks: Tick[] = [
    { value: 1, label: '0%' },
    { value: 2, label: '50%' },
    { value: 10, label: '90%' },
  ];
  const top = Number.isFinite(maxInverseTail) ? maxInverseTail : 10;
  for (let nines = 2; nines <= 9 && 10 ** nines <= top * (1 + 1e-9); nines++) {
    ticks.push({ value: 10 ** nines, label: percentileLabel(nines) });
  }
  return ticks;
}

/** "90%", "99%", "99.9%" … for 1 … n nines. */
function percentileLabel(nines: number): string {
  if (nines === 1) return '90%';
  return nines === 2 ? '99%' : `99.${'9'.repeat(nines - 2)}%`;
}

/** The unit that keeps a latency (or an axis up to it) readable: µs below 1 ms, ms below 1 s, else s. */
export function latencyUnit(maxUs: number): LatencyUnit {
  if (maxUs < 1000) return { label: 'µs', perUs: 1 };
  if (maxUs < 1_000_000) return { label: 'ms', perUs: 1000 };
  return { label: 's', perUs: 1_000_000 };
}

/** A latency with its unit and three significant digits, zeros kept so columns align: "850 µs", "5.80 ms", "12.4 s". */
export function formatLatencyUs(us: number): string {
  const unit = latencyUnit(us);
  const value = us / unit.perUs;
  if (value === 0 || !Number.isFinite(value)) return `${value} ${unit.label}`;
  return `${Math.abs(value) >= 1000 ? String(Math.round(value)) : value.toPrecision(3)} ${unit.label}`;
}

/** Three significant digits, no exponent, no trailing zeros: 1234 → "1234", 1.2345 → "1.23". */
export function formatSignificant(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

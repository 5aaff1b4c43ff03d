// Figures formatted exactly as wrk prints them (wrk src/units.c and its printf formats).
//
// wrk works in C `long double`, the x87 80-bit format on x86-64 Linux (64-bit significand).
// There, n / 1000 rounds differently from a JS double for about one integer in twenty
// (1065 µs prints "1.07ms" from wrk, "1.06ms" from a double), so every division below is done
// exactly and rounded to that format, and printf's "%.Nf" is reproduced exactly: the decimal
// nearest to the binary value, ties to even.

/** An exact rational num / den, den > 0. */
interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** wrk's unit tables: `scale` per step, `base` unit, then the units the loop can reach. */
interface UnitTable {
  readonly scale: number;
  readonly base: string;
  readonly steps: readonly string[];
}

// wrk's tables list one more unit than these ("s", "h", "P"): its loop stops one entry short
// of the table's end, so e.g. 3 h of latency prints "180.00m" and 2 PiB prints "2048.00T".
const TIME_UNITS_US: UnitTable = { scale: 1000, base: 'us', steps: ['ms'] };
const TIME_UNITS_S: UnitTable = { scale: 60, base: 's', steps: ['m'] };
const BINARY_UNITS: UnitTable = { scale: 1024, base: '', steps: ['K', 'M', 'G', 'T'] };
const METRIC_UNITS: UnitTable = { scale: 1000, base: '', steps: ['k', 'M', 'G', 'T'] };

const EXTENDED_SIGNIFICAND_BITS = 64n;

/**
 * Microseconds as wrk's format_time_us: "559.72us", "1.10ms", "1.20s", "2.00m".
 * Steps up at 85% of the next unit (850 µs prints "0.85ms"), seconds from 1 s on.
 */
export function formatTimeUs(us: number): string {
  if (!Number.isFinite(us)) return formatNonFiniteUnits(us, us >= 1_000_000 ? TIME_UNITS_S : TIME_UNITS_US);
  let amount = fromDouble(us);
  let table = TIME_UNITS_US;
  if (compare(amount, fromDouble(1_000_000)) >= 0) {
    amount = divideExtended(amount, 1_000_000);
    table = TIME_UNITS_S;
  }
  return formatUnits(amount, table, 2, isNegative(us));
}

/** Whole seconds as wrk's format_time_s, no decimals: "30s", "1m", "2m" for 150 s (ties to even). */
export function formatDurationS(seconds: number): string {
  if (!Number.isFinite(seconds)) return formatNonFiniteUnits(seconds, TIME_UNITS_S);
  return formatUnits(fromDouble(seconds), TIME_UNITS_S, 0, isNegative(seconds));
}

/** Bytes as wrk's format_binary followed by the "B" wrk prints after it: "3.26MB", "110.61KB", "0.00B". */
export function formatBytes(bytes: number): string {
  const text = Number.isFinite(bytes) ? formatUnits(fromDouble(bytes), BINARY_UNITS, 2, isNegative(bytes)) : formatNonFiniteUnits(bytes, BINARY_UNITS);
  return `${text}B`;
}

/** A count or rate as wrk's format_metric: "85.97", "3.67k", "1.20M". */
export function formatMetric(n: number): string {
  if (!Number.isFinite(n)) return formatNonFiniteUnits(n, METRIC_UNITS);
  return formatUnits(fromDouble(n), METRIC_UNITS, 2, isNegative(n));
}

/**
 * C printf "%.{digits}f" of a double: the exact binary value rounded to `digits` decimals, ties
 * to even ("0.12" for 0.125), "-0.00" for small negatives, "inf", "-inf" and "nan" as glibc.
 */
export function formatFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return formatFixedRational(fromDouble(value), digits, isNegative(value));
}

function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/** wrk's format_units: a negative value never reaches the threshold and keeps its sign ("-0.00us"). */
function formatUnits(value: Rational, table: UnitTable, digits: number, negative: boolean): string {
  const threshold = fromDouble(table.scale * 0.85);
  let amount = value;
  let unit = table.base;
  for (const step of table.steps) {
    if (compare(amount, threshold) < 0) break;
    amount = divideExtended(amount, table.scale);
    unit = step;
  }
  return formatFixedRational(amount, digits, negative) + unit;
}

/** The same walk for inf and nan, which keep their value through every division. */
function formatNonFiniteUnits(value: number, table: UnitTable): string {
  const steps = value >= table.scale * 0.85 ? table.steps.length : 0;
  const unit = steps === 0 ? table.base : (table.steps[steps - 1] ?? table.base);
  return formatFixed(value, 2) + unit;
}

function fromDouble(value: number): Rational {
  let scaled = value;
  let exponent = 0n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1n;
  }
  return { num: BigInt(scaled), den: 1n << exponent };
}

function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

function bitLength(n: bigint): bigint {
  return BigInt(n.toString(2).length);
}

/** value / divisor, rounded to the nearest x87 extended value (64-bit significand, ties to even). */
function divideExtended(value: Rational, divisor: number): Rational {
  const negative = value.num < 0n;
  const num = negative ? -value.num : value.num;
  const den = value.den * BigInt(divisor);
  if (num === 0n) return { num: 0n, den: 1n };
  // floor(log2(num / den)), then the exponent that leaves a 64-bit integer significand.
  let log2 = bitLength(num) - bitLength(den);
  const below = log2 >= 0n ? num < den << log2 : num << -log2 < den;
  if (below) log2 -= 1n;
  const exponent = log2 - (EXTENDED_SIGNIFICAND_BITS - 1n);
  const scaledNum = exponent < 0n ? num << -exponent : num;
  const scaledDen = exponent < 0n ? den : den << exponent;
  let significand = scaledNum / scaledDen;
  const twiceRemainder = (scaledNum % scaledDen) * 2n;
  if (twiceRemainder > scaledDen || (twiceRemainder === scaledDen && significand % 2n === 1n)) significand += 1n;
  const signed = negative ? -significand : significand;
  return exponent < 0n ? { num: signed, den: 1n << -exponent } : { num: signed << exponent, den: 1n };
}

function formatFixedRational(value: Rational, digits: number, negative: boolean): string {
  const num = value.num < 0n ? -value.num : value.num;
  const scaled = num * 10n ** BigInt(digits);
  let rounded = scaled / value.den;
  const twiceRemainder = (scaled % value.den) * 2n;
  if (twiceRemainder > value.den || (twiceRemainder === value.den && rounded % 2n === 1n)) rounded += 1n;
  const text = rounded.toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

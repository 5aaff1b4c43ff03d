// Which rates a sweep tries: geometric steps between two rates, or a list; then bisection
// between the last good and the first bad rate. Pure.

/** Rates are whole requests per second: wrk2's -R takes integers and so do reports. */
function wholeRate(rate: number): number {
  return Math.max(1, Math.round(rate));
}

/**
 * `steps` rates from `fromPerSec` to `toPerSec`, each the previous times the same factor
 * (geometric: equal steps on the log axis the curve is drawn on). Rounded to whole req/s;
 * duplicates after rounding are dropped, so a narrow range may give fewer steps.
 */
export function geometricRates(fromPerSec: number, toPerSec: number, steps: number): number[] {
  if (!(fromPerSec > 0) || !(toPerSec > fromPerSec)) throw new RangeError(`a sweep needs 0 < from < to, got from ${fromPerSec}, to ${toPerSec}`);
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`a sweep needs at least 2 steps, got ${steps}`);
  const factor = (toPerSec / fromPerSec) ** (1 / (steps - 1));
  const rates: number[] = [];
  for (let i = 0; i < steps; i++) {
    const rate = wholeRate(i === steps - 1 ? toPerSec : fromPerSec * factor ** i);
    if (rates[rates.length - 1] !== rate) rates.push(rate);
  }
  return rates;
}

/** A `--rates` list, checked: positive, increasing. */
export function listedRates(rates: readonly number[]): number[] {
  if (rates.length === 0) throw new RangeError('--rates needs at least one rate');
  rates.forEach((rate, i) => {
    if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`rate ${i + 1} (${rate}) is not a positive number`);
    const previous = rates[i - 1];
    if (previous !== undefined && rate <= previous) throw new RangeError(`rates must increase: ${previous} then ${rate}`);
  });
  return rates.map(wholeRate);
}

/** The next rate bisecting (good, bad); null when they are adjacent whole rates. */
export function bisectRate(goodPerSec: number, badPerSec: number): number | null {
  const middle = wholeRate((goodPerSec + badPerSec) / 2);
  return middle > goodPerSec && middle < badPerSec ? middle : null;
}

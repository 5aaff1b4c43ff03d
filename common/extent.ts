// The largest or smallest of many numbers without spreading them into Math.max/Math.min: a spread
// passes each value as an argument, and past ~100k of them (a 24 h run at 1 s has 86,400 points
// per line) the engine throws "Maximum call stack size exceeded". Use these for any data-sized array.

/** The largest value, or `floor` when there is none larger (and for an empty input). */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest value, or `ceiling` when there is none smaller (and for an empty input). */
export function minOf(values: Iterable<number>, ceiling: number): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}

// Repeated runs of several targets, alternated (A B A B …) so that drift on a shared machine —
// another job starting, thermal throttling, a cache warming — lands on every target alike
// instead of on whichever ran last. The runs are made by the caller.

/** The target index of each run in order: rounds of 0, 1, …, targets−1. */
export function alternatingOrder(targets: number, repeats: number): number[] {
  if (!Number.isInteger(targets) || targets < 1) throw new RangeError(`need at least one target, got ${targets}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`--repeat needs a whole number of at least 1, got ${repeats}`);
  const order: number[] = [];
  for (let round = 0; round < repeats; round++) for (let target = 0; target < targets; target++) order.push(target);
  return order;
}

export interface RepeatDriver<T, R> {
  runOne(target: T, round: number, position: number, total: number): Promise<R>;
  /** Polled between runs: true ends the repeats with what was measured. */
  stopRequested?(): boolean;
}

/** Runs every target `repeats` times, alternating; returns each target's runs in order. */
export async function runAlternating<T, R>(targets: readonly T[], repeats: number, driver: RepeatDriver<T, R>): Promise<{ runs: R[][]; stopped: boolean }> {
  const order = alternatingOrder(targets.length, repeats);
  const runs: R[][] = targets.map(() => []);
  for (const [position, index] of order.entries()) {
    if (driver.stopRequested?.()) return { runs, stopped: true };
    const target = targets[index];
    if (target === undefined) continue;
    const round = Math.floor(position / targets.length);
    runs[index]?.push(await driver.runOne(target, round, position, order.length));
  }
  return { runs, stopped: false };
}

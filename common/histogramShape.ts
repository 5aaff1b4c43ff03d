// The shape of every latency histogram (µs, 1 µs to 1 h, 3 significant digits, as DESIGN.md fixes),
// so histograms from every worker and every run add exactly. No imports: the load threads' own
// histogram module (bench-runner/worker/threadHistogram.ts) and common/histogram.ts share it.
export const LOWEST_US = 1;
export const HIGHEST_US = 3_600_000_000;
export const SIGNIFICANT_DIGITS = 3;

/** A latency as it is recorded: whole µs, clamped into the trackable range (0 µs counts as 1 µs). */
export function trackableUs(latencyUs: number): number {
  return latencyUs < LOWEST_US ? LOWEST_US : latencyUs > HIGHEST_US ? HIGHEST_US : Math.round(latencyUs);
}

// The time axis every chart of one run shares: 0 to the run's length (or the last sample, if
// later), round ticks, so the client's and the server's charts line up second for second.
import { linearTicks } from '../../../../common/chart/axis.ts';

export interface TimeAxis {
  domain: [number, number];
  ticks: number[];
}

/** `lengthS`: the planned length (null when unknown); `lastS`: the latest x drawn. */
export function timeAxis(lengthS: number | null, lastS: number): TimeAxis {
  const end = Math.max(lengthS ?? 0, lastS, 1);
  const ticks = end > 120 ? minuteTicks(end) : linearTicks(0, end, 6).map((tick) => tick.value);
  return { domain: [0, ticks.at(-1) ?? end], ticks };
}

/** Beyond two minutes, ticks on whole minutes (60 s, 2, 5, 10, 15, 20, 30 min, 1 h …). */
const MINUTE_STEPS_S = [60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200];

function minuteTicks(end: number): number[] {
  const step = MINUTE_STEPS_S.find((candidate) => end / candidate <= 6) ?? Math.ceil(end / 6 / 3600) * 3600;
  const ticks: number[] = [];
  for (let value = 0; value < end + step; value += step) {
    ticks.push(value);
    if (value >= end) break;
  }
  return ticks;
}

/** A live run's axis starts this long, so its first samples are not stretched across the width. */
const LIVE_MIN_S = 10;

/**
 * The length the live charts' axis spans: the data so far (the progress bar shows the plan), at
 * least LIVE_MIN_S or the planned length if shorter. A 1 h run stopped at 3 s spans 10 s, not 3600.
 */
export function liveAxisLengthS(plannedS: number | null, lastS: number): number {
  return Math.max(lastS, Math.min(plannedS ?? LIVE_MIN_S, LIVE_MIN_S));
}

/** The latest tS across row sets (0 for none). */
export function lastTime(...rowSets: readonly (readonly { tS: number }[])[]): number {
  let last = 0;
  for (const rows of rowSets) {
    const t = rows.at(-1)?.tS;
    if (t !== undefined && t > last) last = t;
  }
  return last;
}

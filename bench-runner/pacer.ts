// The rate-mode schedule, as a pure function of time: no clock, no I/O.
//
// Every connection has its own fixed schedule. With R requests/sec spread over C connections,
// connection i sends request k at  phaseUs(i) + k * intervalUs, where intervalUs = C / R seconds
// and phases stagger the connections evenly so the whole run is one evenly spaced stream of
// R requests/sec. A connection that falls behind sends at once; its latency still counts from
// the intended time (coordinated-omission correction as wrk2 does it, not after the fact).

export interface ConnectionSchedule {
  /** Time between two intended sends on this connection, µs. */
  readonly intervalUs: number;
  /** Offset of this connection's first intended send from the run start, µs. */
  readonly phaseUs: number;
  /** Run length, µs: requests intended at or after it are never sent. */
  readonly durationUs: number;
}

export function connectionSchedule(
  ratePerSec: number,
  connections: number,
  connectionIndex: number,
  durationUs: number,
): ConnectionSchedule {
  if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) throw new RangeError(`rate must be > 0, got ${ratePerSec}`);
  if (!Number.isInteger(connections) || connections < 1) throw new RangeError(`connections must be >= 1, got ${connections}`);
  if (!Number.isInteger(connectionIndex) || connectionIndex < 0 || connectionIndex >= connections) {
    throw new RangeError(`connection index ${connectionIndex} outside 0..${connections - 1}`);
  }
  if (!(durationUs > 0)) throw new RangeError(`duration must be > 0, got ${durationUs}`);
  const intervalUs = (connections * 1e6) / ratePerSec;
  const phaseUs = (connectionIndex * intervalUs) / connections;
  return { intervalUs, phaseUs, durationUs };
}

/** When request number `sent` (0-based) of the connection is intended, µs from the run start. */
export function intendedStartUs(schedule: ConnectionSchedule, sent: number): number {
  return schedule.phaseUs + sent * schedule.intervalUs;
}

export type PaceDecision =
  | { readonly kind: 'send'; readonly intendedUs: number }
  | { readonly kind: 'wait'; readonly waitUs: number }
  | { readonly kind: 'stop' };

/**
 * What a connection that has sent `sent` requests should do at `elapsedUs` since the run start:
 * send now (on time or behind), wait, or stop because the next request falls after the run.
 */
export function pace(schedule: ConnectionSchedule, elapsedUs: number, sent: number): PaceDecision {
  const intendedUs = intendedStartUs(schedule, sent);
  if (intendedUs >= schedule.durationUs) return { kind: 'stop' };
  if (intendedUs <= elapsedUs) return { kind: 'send', intendedUs };
  return { kind: 'wait', waitUs: intendedUs - elapsedUs };
}

/** Requests the schedule intends before `elapsedUs` (capped at the run's end). */
export function intendedCountBy(schedule: ConnectionSchedule, elapsedUs: number): number {
  const untilUs = Math.min(elapsedUs, schedule.durationUs);
  if (untilUs <= schedule.phaseUs) return 0;
  return Math.ceil((untilUs - schedule.phaseUs) / schedule.intervalUs);
}

/** Requests due at `elapsedUs`, the ones pace() would send by then (capped at the run's end). */
export function dueCountAt(schedule: ConnectionSchedule, elapsedUs: number): number {
  if (elapsedUs < schedule.phaseUs) return 0;
  let due = Math.floor((elapsedUs - schedule.phaseUs) / schedule.intervalUs) + 1;
  // The division may round across a slot boundary; settle it with the same sum pace() uses.
  if (intendedStartUs(schedule, due) <= elapsedUs) due++;
  else if (due > 0 && intendedStartUs(schedule, due - 1) > elapsedUs) due--;
  let inRun = Math.ceil((schedule.durationUs - schedule.phaseUs) / schedule.intervalUs);
  if (inRun > 0 && intendedStartUs(schedule, inRun - 1) >= schedule.durationUs) inRun--;
  else if (intendedStartUs(schedule, inRun) < schedule.durationUs) inRun++;
  return Math.min(inRun, due);
}

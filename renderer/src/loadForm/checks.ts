// Parameters that make no sense, flagged before the run. Pure: the form's parameters and what is
// known about the target in, findings out.
import { formatLatencyUs, formatSignificant } from '../../../common/chart/axis.ts';
import type { RunParams } from './toRunParams.ts';

export interface Finding {
  /** 'block': the lab would refuse the run. 'warn': it runs, but will not measure what it seems to. */
  level: 'block' | 'warn' | 'info';
  message: string;
}

export interface LatencyEstimate {
  us: number;
  /** Where the figure comes from, in words: "p50 of the last run against this target". */
  source: string;
}

/** The most requests a second the server can take on, and how that was estimated. */
export interface CapacityEstimate {
  reqPerSec: number;
  /** In words: "2 cores ÷ 31 ms to start a thread (p50 the server measured just now)". */
  source: string;
}

/**
 * thread-per-request starts a handler thread for every request, and a thread's start costs about
 * `startUs` of one core: at most cores ÷ start time requests a second, whatever the connections.
 */
export function threadPerRequestCapacity(cores: number, startUs: number): number {
  return (cores * 1_000_000) / Math.max(1, startUs);
}

/** Used when nothing was measured against the target yet: a trivial handler over loopback. */
export const ASSUMED_LATENCY: LatencyEstimate = { us: 1000, source: 'assumed 1 ms (nothing measured against this target yet)' };

/**
 * The rule for rates: HTTP/1.1 without pipelining keeps one request in flight per connection, so
 * one connection carries at most 1 s ÷ latency requests per second. A rate per connection above
 * that cannot be held; the schedule falls behind and corrected latency grows with the backlog.
 */
export function maxRatePerConnection(latencyUs: number): number {
  return 1_000_000 / Math.max(1, latencyUs);
}

/** `capacity`: what the target can take on at most, when known (thread-per-request's thread starts). */
export function checkParams(params: RunParams, latency: LatencyEstimate, capacity: CapacityEstimate | null = null): Finding[] {
  const findings: Finding[] = [];
  if (params.mode === 'conn-rate') {
    const connRate = params.connRate;
    if (connRate === null) return findings;
    const rate = connRate.spacing.kind === 'fixed' ? connRate.spacing.ratePerSec : null;
    if (connRate.numConns < params.threads) findings.push({ level: 'block', message: `Fewer connections in all (${connRate.numConns}) than threads (${params.threads}): every thread needs at least one.` });
    if (rate !== null) {
      const seconds = connRate.numConns / rate;
      findings.push({ level: 'info', message: `${connRate.numConns} connections at ${formatSignificant(rate)}/s: the run takes about ${formatSeconds(seconds)}.` });
      const lifetimeUs = latency.us * connRate.numCalls;
      const concurrent = (rate * lifetimeUs) / 1_000_000;
      if (concurrent > 1000) findings.push({ level: 'warn', message: `About ${Math.round(concurrent)} connections would be open at once (rate × ${connRate.numCalls} call${connRate.numCalls === 1 ? '' : 's'} × ${formatLatencyUs(latency.us)}, ${latency.source}); file-descriptor limits may cut in.` });
    }
    if (params.timeoutMs < latency.us / 1000) findings.push(timeoutFinding(params.timeoutMs, latency));
    return findings;
  }
  if (params.connections < params.threads) {
    findings.push({ level: 'block', message: `Fewer connections (${params.connections}) than threads (${params.threads}): every thread needs at least one connection. Use at least ${params.threads} connections or fewer threads.` });
  }
  if (params.mode === 'rate' && params.ratePerSec !== null && capacity !== null && params.ratePerSec > capacity.reqPerSec) {
    // More connections would not help: the server cannot start the work fast enough.
    findings.push({
      level: 'warn',
      message:
        `${formatSignificant(params.ratePerSec)} req/s is more than the server can take on: about ${formatSignificant(capacity.reqPerSec)} req/s (${capacity.source}). ` +
        'The run will fall behind its schedule whatever the number of connections; lower the rate to measure the server below its capacity, or keep it to see what happens beyond.',
    });
  } else if (params.mode === 'rate' && params.ratePerSec !== null) {
    const perConnection = params.ratePerSec / params.connections;
    const ceiling = maxRatePerConnection(latency.us);
    if (perConnection > ceiling) {
      const needed = Math.ceil(params.ratePerSec / ceiling);
      findings.push({
        level: 'warn',
        message:
          `${formatSignificant(params.ratePerSec)} req/s over ${params.connections} connections is ${formatSignificant(perConnection)} req/s each, ` +
          `but one connection carries at most 1 s ÷ latency = ${formatSignificant(ceiling)} req/s at ${formatLatencyUs(latency.us)} (${latency.source}). ` +
          `The run will fall behind its schedule; use at least ${needed} connections or a lower rate.`,
      });
    }
  }
  if (params.durationMs < 2000) findings.push({ level: 'info', message: 'Under 2 s the run gives fewer than two 1-second samples; its timelines will be sparse.' });
  if (params.timeoutMs < latency.us / 1000) findings.push(timeoutFinding(params.timeoutMs, latency));
  return findings;
}

function timeoutFinding(timeoutMs: number, latency: LatencyEstimate): Finding {
  return { level: 'warn', message: `The timeout (${formatLatencyUs(timeoutMs * 1000)}) is below the expected latency (${formatLatencyUs(latency.us)}, ${latency.source}): most requests would time out.` };
}

function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${formatSignificant(seconds)} s`;
  return `${formatSignificant(seconds / 60)} min`;
}

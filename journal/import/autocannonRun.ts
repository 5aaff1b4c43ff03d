// autocannon's JSON result (`autocannon --json`, lib/aggregateResult.js) as a run record.
// Latencies are milliseconds there; the record's are microseconds.
import { z } from 'zod';
import type { PartialLatencySummary } from '../../common/runRecord.ts';
import type { CommandLine } from './commandLine.ts';
import { parseAutocannonArgs } from './autocannonCommand.ts';
import type { Diagnostics } from './importError.ts';
import { unknownLatency, type RunDraft } from './runDraft.ts';

const stat = z.number().optional();
const latencySchema = z.object({
  average: stat,
  mean: stat,
  stddev: stat,
  min: stat,
  max: stat,
  p50: stat,
  p75: stat,
  p90: stat,
  p99: stat,
  p99_9: stat,
  p99_99: stat,
  p99_999: stat,
  totalCount: z.number().int().nonnegative().optional(),
});
const totalSchema = z.object({ total: z.number().nonnegative() });

export const autocannonResultSchema = z.object({
  url: z.string(),
  connections: z.number().int().positive().optional(),
  sampleInt: z.number().int().positive().optional(),
  workers: z.number().int().nonnegative().optional(),
  duration: z.number().nonnegative(),
  start: z.string().optional(),
  finish: z.string().optional(),
  errors: z.number().int().nonnegative().optional(),
  timeouts: z.number().int().nonnegative().optional(),
  non2xx: z.number().int().nonnegative().optional(),
  '1xx': z.number().int().nonnegative().optional(),
  '3xx': z.number().int().nonnegative().optional(),
  '4xx': z.number().int().nonnegative().optional(),
  '5xx': z.number().int().nonnegative().optional(),
  statusCodeStats: z.record(z.string(), z.object({ count: z.number().int().nonnegative() })).optional(),
  latency: latencySchema,
  requests: totalSchema,
  throughput: totalSchema,
});
export type AutocannonResult = z.infer<typeof autocannonResultSchema>;

/** True for JSON that has autocannon's result shape (url, duration, latency, requests, throughput). */
export function looksLikeAutocannon(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ['latency', 'requests', 'throughput', 'duration'].every((key) => key in value);
}

const msToUs = (ms: number | undefined): number | null => (ms === undefined ? null : Math.round(ms * 1000));

function latencyOf(result: AutocannonResult): PartialLatencySummary {
  const latency = result.latency;
  // autocannon records the latency of 2xx responses only (unless told otherwise): its own count.
  const count = latency.totalCount ?? result.requests.total;
  if (count === 0) return unknownLatency(0);
  return {
    count,
    min: msToUs(latency.min),
    mean: msToUs(latency.mean ?? latency.average),
    stdev: msToUs(latency.stddev),
    max: msToUs(latency.max),
    p50: msToUs(latency.p50),
    p75: msToUs(latency.p75),
    p90: msToUs(latency.p90),
    p99: msToUs(latency.p99),
    p999: msToUs(latency.p99_9),
    p9999: msToUs(latency.p99_99),
    p99999: msToUs(latency.p99_999),
    withinStdevPct: null,
  };
}

function statusCountsOf(result: AutocannonResult): Record<string, number> | null {
  if (result.statusCodeStats === undefined) return null;
  return Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
}

function isoOrNull(text: string | undefined): string | null {
  return text !== undefined && !Number.isNaN(Date.parse(text)) ? text : null;
}

export function autocannonDraft(result: AutocannonResult, command: CommandLine | null, text: string, diagnostics: Diagnostics, lineNo: number): RunDraft {
  const invocation = parseAutocannonArgs(command?.args ?? []);
  const seconds = result.duration;
  const requests = result.requests.total;
  const timeouts = result.timeouts ?? 0;
  const socketErrors = Math.max(0, (result.errors ?? 0) - timeouts);
  if (socketErrors > 0) diagnostics.warn(lineNo, `autocannon counted ${socketErrors} socket errors without saying which; recorded as read errors`);
  // Responses that were not 2xx or 3xx; autocannon's non2xx also counts 3xx.
  const statusErrors = result['4xx'] !== undefined && result['5xx'] !== undefined ? result['4xx'] + result['5xx'] + (result['1xx'] ?? 0) : (result.non2xx ?? 0) - (result['3xx'] ?? 0);
  const connections = result.connections ?? invocation.connections;
  const ratePerSec = invocation.overallRatePerSec ?? (invocation.connectionRatePerSec !== null && connections !== null ? invocation.connectionRatePerSec * connections : null);
  return {
    tool: 'autocannon',
    text,
    command: command?.text ?? null,
    body: {
      startedAt: isoOrNull(result.start),
      finishedAt: isoOrNull(result.finish),
      stoppedEarly: null,
      target: { url: result.url, method: invocation.method ?? 'GET', headers: invocation.headers, bodyBytes: 0 },
      load: {
        mode: ratePerSec === null ? 'max' : 'rate',
        // workers: 0 means autocannon ran its connections on the main thread.
        threads: result.workers === undefined ? null : Math.max(1, result.workers),
        connections,
        durationMs: invocation.durationS === null ? null : Math.round(invocation.durationS * 1000),
        ratePerSec,
        keepAlive: null,
        timeoutMs: null,
        intervalMs: result.sampleInt ?? null,
      },
      server: { kind: 'unknown' },
      env: null,
      summary: {
        requests,
        durationMs: seconds * 1000,
        reqPerSec: seconds > 0 ? requests / seconds : 0,
        bytesRead: Math.round(result.throughput.total),
        transferPerSec: seconds > 0 ? result.throughput.total / seconds : null,
        latencyUs: latencyOf(result),
        uncorrectedLatencyUs: null,
        errors: { connect: 0, read: socketErrors, write: 0, timeout: timeouts, status: Math.max(0, statusErrors) },
        statusCounts: statusCountsOf(result),
        serverCloses: null,
        inFlightAtEnd: null,
        unsent: null,
        threadReqPerSec: null,
      },
      histograms: { correctedUs: null, uncorrectedUs: null },
      series: [],
    },
  };
}

// wrk's and wrk2's flags (and loadlab bench's, which takes the same), read from a command line.
import { parseDurationMs } from '../../common/units.ts';
import { flagValue, flagValues, hasFlag, readFlags, splitHeader } from './commandLine.ts';

export interface WrkInvocation {
  threads: number | null;
  connections: number | null;
  durationMs: number | null;
  /** -R: total requests per second (wrk2, loadlab bench). */
  ratePerSec: number | null;
  timeoutMs: number | null;
  intervalMs: number | null;
  headers: [string, string][];
  method: string | null;
  /** -s: a Lua script, which may change every request. */
  script: string | null;
  /** --no-keep-alive (loadlab) or a "Connection: close" header. */
  closesConnections: boolean;
  url: string | null;
}

const BOOLEANS = new Set(['-L', '--latency', '-U', '--u_latency', '-B', '--batch_latency', '-v', '--version', '--no-keep-alive', '-h', '--help']);
const METRIC_SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

/** wrk's scan_metric: "400", "1k", "2M". */
function metric(text: string | null): number | null {
  if (text === null) return null;
  const match = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(text.trim());
  const factor = METRIC_SUFFIX[match?.[2] ?? ''];
  if (!match || factor === undefined) return null;
  const value = Number(match[1]) * factor;
  return value > 0 ? value : null;
}

function positiveInt(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

function duration(text: string | null): number | null {
  return text === null ? null : parseDurationMs(text);
}

export function parseWrkArgs(args: readonly string[]): WrkInvocation {
  const { flags, positional } = readFlags(args, BOOLEANS);
  const headers = flagValues(flags, '-H', '--header')
    .map(splitHeader)
    .filter((header): header is [string, string] => header !== null);
  const closes = hasFlag(flags, '--no-keep-alive') || headers.some(([name, value]) => name.toLowerCase() === 'connection' && value.toLowerCase() === 'close');
  return {
    threads: positiveInt(metric(flagValue(flags, '-t', '--threads'))),
    connections: positiveInt(metric(flagValue(flags, '-c', '--connections'))),
    durationMs: duration(flagValue(flags, '-d', '--duration')),
    ratePerSec: metric(flagValue(flags, '-R', '--rate')),
    timeoutMs: duration(flagValue(flags, '-T', '--timeout')),
    intervalMs: duration(flagValue(flags, '--interval')),
    headers,
    method: flagValue(flags, '--method'),
    script: flagValue(flags, '-s', '--script'),
    closesConnections: closes,
    url: positional.find((word) => /^https?:\/\//.test(word)) ?? positional[0] ?? null,
  };
}

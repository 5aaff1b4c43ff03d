// httperf's flags, read from the command line httperf echoes at the top of its report (or the
// one the person typed). Both "--rate=10" and "--rate 10" forms.
import { flagValue, hasFlag, readFlags, splitHeader } from './commandLine.ts';

export interface HttperfInvocation {
  server: string | null;
  port: number | null;
  uri: string | null;
  ssl: boolean;
  /** --rate: connections per second; 0 (the default) opens them one after another. */
  ratePerSec: number | null;
  /** --period: "d0.1", "u1,2" or "e0.1" (seconds), instead of --rate. */
  period: string | null;
  numConns: number | null;
  numCalls: number | null;
  timeoutS: number | null;
  method: string | null;
  headers: [string, string][];
}

const BOOLEANS = new Set([
  '--hog', '--ssl', '--verbose', '-v', '--close-with-reset', '--no-host-hdr', '--retry-on-failure',
  '--session-cookie', '--session-cookies', '--print-reply', '--print-request', '--ssl-no-reuse', '-h', '--help', '-V', '--version',
]);

function numberOrNull(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function positiveInt(text: string | null): number | null {
  const value = numberOrNull(text);
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

/** --add-header takes one string with "\n" (backslash, n) between headers. */
function headers(text: string | null): [string, string][] {
  if (text === null) return [];
  return text
    .split(/\\n|\n/)
    .map(splitHeader)
    .filter((header): header is [string, string] => header !== null);
}

export function parseHttperfArgs(args: readonly string[]): HttperfInvocation {
  const { flags } = readFlags(args, BOOLEANS);
  const rate = numberOrNull(flagValue(flags, '--rate', '--ra'));
  return {
    server: flagValue(flags, '--server'),
    port: positiveInt(flagValue(flags, '--port')),
    uri: flagValue(flags, '--uri'),
    ssl: hasFlag(flags, '--ssl'),
    ratePerSec: rate !== null && rate > 0 ? rate : null,
    period: flagValue(flags, '--period'),
    numConns: positiveInt(flagValue(flags, '--num-conns', '--num-conn')),
    numCalls: positiveInt(flagValue(flags, '--num-calls', '--num-call')),
    timeoutS: numberOrNull(flagValue(flags, '--timeout')),
    method: flagValue(flags, '--method'),
    headers: headers(flagValue(flags, '--add-header')),
  };
}

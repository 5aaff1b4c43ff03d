// autocannon's flags, for what its JSON result leaves out (the planned duration, the rate).
import { flagValue, flagValues, readFlags, splitHeader } from './commandLine.ts';

export interface AutocannonInvocation {
  durationS: number | null;
  /** -R: requests per second over all connections. */
  overallRatePerSec: number | null;
  /** -r: requests per second per connection. */
  connectionRatePerSec: number | null;
  connections: number | null;
  method: string | null;
  headers: [string, string][];
}

const BOOLEANS = new Set(['-j', '--json', '-l', '--latency', '-n', '--no-progress', '-I', '--idReplacement', '-f', '--forever', '-E', '--expectBody', '--debug', '-v', '--version', '-h', '--help', '--renderStatusCodes', '--cert', '--ignoreCoordinatedOmission']);

function positive(text: string | null): number | null {
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function parseAutocannonArgs(args: readonly string[]): AutocannonInvocation {
  const { flags } = readFlags(args, BOOLEANS);
  const headers = flagValues(flags, '-H', '--headers', '--header')
    // autocannon takes "name=value"; a colon form is read too.
    .map((text) => splitHeader(text.includes(':') ? text : text.replace('=', ':')))
    .filter((header): header is [string, string] => header !== null);
  return {
    durationS: positive(flagValue(flags, '-d', '--duration')),
    overallRatePerSec: positive(flagValue(flags, '-R', '--overallRate')),
    connectionRatePerSec: positive(flagValue(flags, '-r', '--connectionRate')),
    connections: positive(flagValue(flags, '-c', '--connections')),
    method: flagValue(flags, '-m', '--method'),
    headers,
  };
}

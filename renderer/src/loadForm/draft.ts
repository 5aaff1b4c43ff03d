// The load form as the person sees it: text fields exactly as typed (so "30s" and "1k" survive),
// turned into the lab's run parameters only when checked (see toRunParams.ts).
import type { LoadMode } from '../../../common/runRecord.ts';
import type { ServerModel } from '../../../common/serverTelemetry.ts';

export type TargetKind = 'builtin' | 'url';

export interface LoadDraft {
  targetKind: TargetKind;
  /** Built-in target: the request path. */
  path: string;
  /** URL target. */
  url: string;
  /** 'sweep': constant-rate steps at increasing rates (the lab's sweep.start), see toSweepParams.ts. */
  mode: LoadMode | 'sweep';
  threads: string;
  connections: string;
  /** wrk-style duration: "30s", "2m", "500ms". Unused in connection-rate mode. */
  duration: string;
  /** Rate mode: total requests per second. */
  rate: string;
  /** Connection-rate mode: new connections per second, how many, and requests on each. */
  connRate: string;
  numConns: string;
  numCalls: string;
  /** wrk-style duration. */
  timeout: string;
  method: string;
  /** One "Name: value" per line. */
  headers: string;
  body: string;
  keepAlive: boolean;
  /** Sweep: geometric rates from..to in `sweepSteps` steps, or the comma-separated `sweepRates` when not empty. */
  sweepFrom: string;
  sweepTo: string;
  sweepSteps: string;
  sweepRates: string;
  /** wrk-style durations; an empty warm-up means none. */
  stepDuration: string;
  warmup: string;
  /** Bisection steps after the sweep. */
  refine: string;
  /** As `loadlab sweep --slo`: "p99=50ms,errors=0.1%"; empty for the default rule. */
  slo: string;
  /** https URL targets: skip certificate verification (bench --insecure). */
  insecure: boolean;
  /** Saved with the run: a title (empty: the lab names it after the command) and comma-separated tags. */
  title: string;
  tags: string;
  /** The Repeat box: how many times to run (1: a single run); rate and max modes. */
  repeat: string;
  /** Built-in target: other models to alternate with the server panel's (A B A B); empty for repeats of one configuration. */
  repeatWith: ServerModel[];
}

/** wrk2's defaults, against the built-in server, at a rate the seed journal used. */
export const defaultDraft: LoadDraft = {
  targetKind: 'builtin',
  path: '/',
  url: 'http://127.0.0.1:8080/',
  mode: 'rate',
  threads: '2',
  connections: '10',
  duration: '10s',
  rate: '1000',
  connRate: '10',
  numConns: '100',
  numCalls: '1',
  timeout: '2s',
  method: 'GET',
  headers: '',
  body: '',
  keepAlive: true,
  sweepFrom: '100',
  sweepTo: '2k',
  sweepSteps: '6',
  sweepRates: '',
  stepDuration: '5s',
  warmup: '',
  refine: '0',
  slo: '',
  insecure: false,
  title: '',
  tags: '',
  repeat: '1',
  repeatWith: [],
};

const METRIC_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** wrk's numbers: "400", "1k", "2.5M"; null for anything else. */
export function parseMetric(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([kmg]?)\s*$/i.exec(text);
  if (!match) return null;
  const factor = METRIC_SUFFIX[(match[2] ?? '').toLowerCase()];
  return factor === undefined ? null : Number(match[1]) * factor;
}

/** A duration in the shortest wrk form that is exact: 1800000 → "30m", 1500 → "1500ms". */
export function formatDurationText(ms: number): string {
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** "Name: value" lines → header pairs; blank lines are skipped, a line without ":" is a problem. */
export function parseHeaderLines(text: string): { headers: [string, string][]; problems: string[] } {
  const headers: [string, string][] = [];
  const problems: string[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(`header line ${index + 1} is not "Name: value": ${line}`);
      continue;
    }
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers, problems };
}

export function formatHeaderLines(headers: readonly (readonly [string, string])[]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

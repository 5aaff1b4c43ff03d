// The text report shown for a run: what the user would have seen in a terminal. An imported run
// shows its source text as it was read (the original is what the user had; figures rebuilt from
// it may lack lines). A measured run is printed in wrk2's layout with --latency, preceded by the
// equivalent `loadlab bench` command (as the seed journal puts the command above the output),
// or in httperf's layout for connection-rate runs, whose first line is the command.
import { formatDurationS } from '../format.ts';
import { formatHttperfReport, type HttperfInvocation } from './httperfReport.ts';
import { formatWrkReport } from './wrkReport.ts';
import { measuredRunRecordSchema, type ConnectionSpacing, type MeasuredRunRecord, type RunRecord } from '../runRecord.ts';

export function reportText(record: RunRecord): string {
  if (record.source !== undefined) return record.source.text;
  const measured = measuredRunRecordSchema.safeParse(record);
  if (!measured.success) return '(no report: the record has unknown figures and no source text)\n';
  const run = measured.data;
  if (run.load.mode === 'conn-rate') return formatHttperfReport(run, httperfInvocation(run));
  return `${benchCommand(run)}\n${formatWrkReport(run, { latency: true, uncorrectedLatency: false })}`;
}

/** The `loadlab bench` command line (wrk2 flags) that makes this run. */
export function benchCommand(record: MeasuredRunRecord): string {
  const { load } = record;
  const flags = [`-t${load.threads}`, `-c${load.connections}`, `-d${durationFlag(load.durationMs)}`];
  if (load.ratePerSec !== null) flags.push(`-R${load.ratePerSec}`);
  for (const [name, value] of record.target.headers) flags.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  flags.push('--latency');
  return `loadlab bench ${flags.join(' ')} ${shellQuote(record.target.url)}`;
}

function durationFlag(durationMs: number): string {
  return durationMs % 1000 === 0 ? formatDurationS(durationMs / 1000) : `${durationMs}ms`;
}

/** Single-quoted for a POSIX shell when it holds anything but plain URL characters. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./?&#~-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** httperf's command line, rebuilt from the record's target and connection-rate load. */
export function httperfInvocation(record: MeasuredRunRecord): HttperfInvocation {
  const url = new URL(record.target.url);
  const connRate = record.load.connRate;
  return {
    server: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    uri: `${url.pathname}${url.search}`,
    spacing: connRate === undefined ? '' : spacingFlag(connRate.spacing),
    numConns: connRate?.numConns ?? 0,
    numCalls: connRate?.numCalls ?? 1,
    timeoutS: record.load.timeoutMs / 1000,
  };
}

function spacingFlag(spacing: ConnectionSpacing): string {
  switch (spacing.kind) {
    case 'fixed':
      return `--rate=${spacing.ratePerSec}`;
    case 'uniform':
      return `--period=u${spacing.minMs / 1000},${spacing.maxMs / 1000}`;
    case 'exponential':
      return `--period=e${spacing.meanMs / 1000}`;
  }
}

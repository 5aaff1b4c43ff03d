// What a run's record cannot tell, in words, so a page never shows an invented figure without
// saying why it is missing ("no percentiles in this wrk report").
import type { RunRecord } from '../../../../common/runRecord.ts';

export function missingFacts(record: RunRecord): string[] {
  const missing: string[] = [];
  const tool = record.source?.tool ?? null;
  const report = tool === null ? 'this record' : `this ${tool} report`;
  const latency = record.summary.latencyUs;
  if (latency.p50 === null && latency.p99 === null) {
    missing.push(`no percentiles in ${report}${tool === 'wrk' || tool === 'wrk2' ? ' (it was run without --latency)' : ''}`);
  } else if (record.histograms.correctedUs === null) {
    missing.push(`no latency histogram in ${report}: the spectrum shows only the percentiles it printed`);
  }
  if (latency.mean === null) missing.push('no mean or standard deviation of latency');
  if (record.series.length === 0) missing.push('no per-interval series, so no timelines');
  if (record.load.threads === null || record.load.connections === null) missing.push('threads or connections unknown');
  if (record.load.durationMs === null) missing.push('planned duration unknown');
  if (record.startedAt === null) missing.push('start time unknown');
  if (record.env === null) missing.push('no environment (CPU, cores, OS)');
  if (record.summary.statusCounts === null) missing.push('no status code counts');
  // An HdrHistogram log holds latencies only: its mode, method and errors are null.
  if (tool === 'hlog') missing.push('errors, load mode and method: not in the log (an HdrHistogram log holds latencies only)');
  return missing;
}

/** The source tool in a badge's words: "wrk2 import", or null for Loadlab's own runs. */
export function sourceLabel(record: Pick<RunRecord, 'source'>): string | null {
  return record.source === undefined ? null : `${record.source.tool} import`;
}

// The headline figures of a run as text lines (journal show, Markdown export): req/s, completion
// with its flag, and the latency over answered + unanswered requests ("≥" for lower bounds,
// "unknown" with no response).
import { formatCompletion, headlineLatency, isIncomplete } from '../censored.ts';
import { formatTimeUs } from '../format.ts';
import type { BoundedStat, RunRecord } from '../runRecord.ts';

const LATENCY_SHOWN: readonly [BoundedStat, string][] = [
  ['mean', 'mean'],
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
];

/** "≥ 1.98s", "812.00us" or "unknown". */
export function boundedText(record: RunRecord, stat: BoundedStat): string {
  const value = headlineLatency(record.summary, stat);
  if (value.valueUs === null) return 'unknown';
  return `${value.lowerBound ? '≥ ' : ''}${formatTimeUs(value.valueUs)}`;
}

/** The answered requests' standard deviation (a censored value bounds no spread); "unknown" without one. */
export function stdevText(record: RunRecord): string {
  const stdev = record.summary.latencyUs.stdev;
  return stdev === null ? 'unknown' : formatTimeUs(stdev);
}

export function headlineLines(record: RunRecord): string[] {
  const { summary } = record;
  const completion = summary.completion ?? null;
  const unanswered = summary.unanswered;
  const scheduledText = unanswered && summary.scheduled !== null && summary.scheduled !== undefined ? ` (${unanswered.count} of ${summary.scheduled} scheduled unanswered)` : '';
  const flag = isIncomplete(completion) ? ', below 99 %' : '';
  const latency =
    summary.requests === 0 && !summary.latencyWithUnansweredUs
      ? 'unknown (no response)'
      : `${LATENCY_SHOWN.map(([stat, label]) => `${label} ${boundedText(record, stat)}`).join(', ')}, stdev ${stdevText(record)}`;
  return [
    `req/s:      ${summary.reqPerSec.toFixed(1)}`,
    `completion: ${formatCompletion(completion)}${flag}${scheduledText}`,
    `latency:    ${latency}`,
  ];
}

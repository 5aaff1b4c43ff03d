// The one line Loadlab adds under wrk2's report when requests went unanswered: how many, the
// completion (flagged below 99 %), and the lower bounds they put on the percentiles ("≥").
import { formatCompletion, headlineLatency, isIncomplete } from '../censored.ts';
import { formatTimeUs } from '../format.ts';
import type { BoundedStat, PartialRunSummary, RunSummary } from '../runRecord.ts';

const SHOWN: readonly [BoundedStat, string][] = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
];

/** Null when nothing went unanswered (or the record predates the count): the report is wrk2's alone. */
export function unansweredLine(summary: RunSummary | PartialRunSummary): string | null {
  const unanswered = summary.unanswered;
  if (!unanswered || unanswered.count === 0 || summary.scheduled === null || summary.scheduled === undefined) return null;
  const completion = summary.completion ?? null;
  const flag = isIncomplete(completion) ? ', below 99 %' : '';
  const head = `Unanswered: ${unanswered.count} of ${summary.scheduled} scheduled (completion ${formatCompletion(completion)}${flag})`;
  if (summary.requests === 0) return `${head}; no response, so latency is unknown`;
  const figures = SHOWN.map(([stat, label]) => {
    const value = headlineLatency(summary, stat);
    if (value.valueUs === null) return `${label} unknown`;
    return `${label} ${value.lowerBound ? '≥ ' : ''}${formatTimeUs(value.valueUs)}`;
  });
  return `${head}; counted at their wait so far: ${figures.join(', ')}`;
}

// The run's figures: throughput, latency percentiles, errors by kind, and what else it counted.
import { headlineLatency, isIncomplete } from '../../../../common/censored.ts';
import { totalErrors, type BoundedStat, type RunRecord } from '../../../../common/runRecord.ts';
import * as figures from '../../format/figures.ts';
import { Stat } from '../../ui/Stat.tsx';

export function SummarySection({ record }: { record: RunRecord }) {
  const { summary, load } = record;
  const latency = summary.latencyUs;
  const errors = summary.errors;
  const errorTotal = errors === null ? null : totalErrors(errors);
  const notInSource = record.source?.tool === 'hlog' ? 'not in the log' : figures.UNKNOWN;
  const target = load.mode === 'rate' ? load.ratePerSec : null;
  const completion = summary.completion ?? null;
  const unanswered = summary.unanswered ?? null;
  const bounded = (stat: BoundedStat): string => figures.boundedLatency(headlineLatency(summary, stat));
  const boundNote = summary.latencyWithUnansweredUs ? 'with unanswered requests at their wait (≥: lower bound)' : undefined;
  const statuses = summary.statusCounts === null ? null : Object.entries(summary.statusCounts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="panel" aria-labelledby="summary-title">
      <header className="panel-head">
        <h2 id="summary-title">Summary</h2>
        <span className="muted">{load.mode === 'rate' ? 'latency corrected for coordinated omission (from the schedule)' : load.mode === 'conn-rate' ? 'connection-rate run' : load.mode === 'max' ? 'closed loop (max mode)' : `load mode ${record.source?.tool === 'hlog' ? 'not in the log' : 'unknown'}`}</span>
      </header>
      <div className="stats">
        <Stat label="req/s" value={figures.rate(summary.reqPerSec)} detail={target === null ? undefined : `target ${figures.rate(target)} (${figures.percent(summary.reqPerSec / target)})`} tone={target !== null && summary.reqPerSec < target * 0.95 ? 'warn' : undefined} />
        <Stat
          label="completion"
          value={figures.completion(completion)}
          tone={isIncomplete(completion) ? 'bad' : undefined}
          detail={
            completion === null
              ? 'not recorded for this run'
              : unanswered === null || unanswered.count === 0
                ? 'every scheduled request answered'
                : `${figures.count(unanswered.count)} of ${figures.count(summary.scheduled)} scheduled unanswered${isIncomplete(completion) ? ' — below 99 %' : ''}`
          }
        />
        <Stat label="requests" value={figures.count(summary.requests)} detail={`in ${figures.duration(summary.durationMs)}`} />
        <Stat label="p50" value={bounded('p50')} detail={boundNote} />
        <Stat label="p90" value={bounded('p90')} />
        <Stat label="p99" value={bounded('p99')} />
        <Stat label="p99.9" value={bounded('p999')} />
        <Stat label="p99.99" value={bounded('p9999')} />
        <Stat label="max" value={bounded('max')} />
        <Stat label="mean ± stdev" value={bounded('mean')} detail={latency.stdev === null ? 'stdev unknown' : `± ${figures.latency(latency.stdev)} (answered)`} />
        <Stat
          label="errors"
          value={errorTotal === null ? notInSource : figures.count(errorTotal)}
          tone={errorTotal !== null && errorTotal > 0 ? 'bad' : undefined}
          detail={errors === null ? 'the source counted no errors' : `connect ${errors.connect} · read ${errors.read} · write ${errors.write} · timeout ${errors.timeout} · status ${errors.status}${errors.tls === undefined ? '' : ` · TLS ${errors.tls}`}`}
        />
        <Stat label="transfer/s" value={summary.transferPerSec === null ? figures.UNKNOWN : `${figures.bytes(summary.transferPerSec)}/s`} detail={`${figures.bytes(summary.bytesRead)} read`} />
        <Stat
          label="2xx responses"
          value={statuses === null ? figures.UNKNOWN : figures.percent(summary.requests === 0 ? null : statuses.filter(([code]) => code.startsWith('2')).reduce((sum, [, n]) => sum + n, 0) / summary.requests)}
          detail={statuses === null ? 'no status counts' : statuses.length === 0 ? 'no responses' : statuses.map(([code, n]) => `${code} × ${figures.count(n)}`).join(' · ')}
        />
      </div>
      <dl className="facts">
        {summary.uncorrectedLatencyUs !== null && (
          <>
            <dt>uncorrected p50 / p99 / max</dt>
            <dd>
              {figures.latency(summary.uncorrectedLatencyUs.p50)} / {figures.latency(summary.uncorrectedLatencyUs.p99)} / {figures.latency(summary.uncorrectedLatencyUs.max)} <span className="muted">(from the actual send)</span>
            </dd>
          </>
        )}
        <dt>server-closed connections</dt>
        <dd>{figures.count(summary.serverCloses)}</dd>
        <dt>in flight at the end</dt>
        <dd>{figures.count(summary.inFlightAtEnd)}</dd>
        <dt>unsent (behind schedule at the end)</dt>
        <dd>{figures.count(summary.unsent)}</dd>
        {unanswered !== null && (
          <>
            <dt>given up (timed out, connection failed)</dt>
            <dd>{figures.count(unanswered.failed)}</dd>
          </>
        )}
        {summary.latencyWithUnansweredUs && (
          <>
            <dt>answered requests only p50 / p99 / max</dt>
            <dd>
              {figures.latency(latency.p50)} / {figures.latency(latency.p99)} / {figures.latency(latency.max)} <span className="muted">(what wrk2 reports)</span>
            </dd>
          </>
        )}
        <dt>per-thread req/s</dt>
        <dd>{summary.threadReqPerSec === null ? figures.UNKNOWN : `${figures.rate(summary.threadReqPerSec.mean)} mean, ${figures.rate(summary.threadReqPerSec.max)} max`}</dd>
        {summary.connRate !== undefined && (
          <>
            <dt>connections started / completed</dt>
            <dd>
              {figures.count(summary.connRate.started)} / {figures.count(summary.connRate.completed)}, at most {figures.count(summary.connRate.peakConcurrent)} at once
            </dd>
            <dt>connect time p50 / p99</dt>
            <dd>
              {figures.latency(summary.connRate.connectUs.p50)} / {figures.latency(summary.connRate.connectUs.p99)}
            </dd>
            <dt>reply time p50 / p99</dt>
            <dd>
              {figures.latency(summary.connRate.responseUs.p50)} / {figures.latency(summary.connRate.responseUs.p99)}
            </dd>
            <dt>connection lifetime p50 / max</dt>
            <dd>
              {figures.latency(summary.connRate.lifetimeUs.p50)} / {figures.latency(summary.connRate.lifetimeUs.max)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

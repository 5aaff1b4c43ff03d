// The run's figures: throughput, latency percentiles, errors by kind, and what else it counted.
import { totalErrors, type RunRecord } from '../../../../common/runRecord.ts';
import * as figures from '../../format/figures.ts';
import { Stat } from '../../ui/Stat.tsx';

export function SummarySection({ record }: { record: RunRecord }) {
  const { summary, load } = record;
  const latency = summary.latencyUs;
  const errors = summary.errors;
  const errorTotal = totalErrors(errors);
  const target = load.mode === 'rate' ? load.ratePerSec : null;
  const statuses = summary.statusCounts === null ? null : Object.entries(summary.statusCounts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="panel" aria-labelledby="summary-title">
      <header className="panel-head">
        <h2 id="summary-title">Summary</h2>
        <span className="muted">{load.mode === 'rate' ? 'latency corrected for coordinated omission (from the schedule)' : load.mode === 'conn-rate' ? 'connection-rate run' : 'closed loop (max mode)'}</span>
      </header>
      <div className="stats">
        <Stat label="req/s" value={figures.rate(summary.reqPerSec)} detail={target === null ? undefined : `target ${figures.rate(target)} (${figures.percent(summary.reqPerSec / target)})`} tone={target !== null && summary.reqPerSec < target * 0.95 ? 'warn' : undefined} />
        <Stat label="requests" value={figures.count(summary.requests)} detail={`in ${figures.duration(summary.durationMs)}`} />
        <Stat label="p50" value={figures.latency(latency.p50)} />
        <Stat label="p90" value={figures.latency(latency.p90)} />
        <Stat label="p99" value={figures.latency(latency.p99)} />
        <Stat label="p99.9" value={figures.latency(latency.p999)} />
        <Stat label="p99.99" value={figures.latency(latency.p9999)} />
        <Stat label="max" value={figures.latency(latency.max)} />
        <Stat label="mean ± stdev" value={figures.latency(latency.mean)} detail={latency.stdev === null ? 'stdev unknown' : `± ${figures.latency(latency.stdev)}`} />
        <Stat label="errors" value={figures.count(errorTotal)} tone={errorTotal > 0 ? 'bad' : undefined} detail={`connect ${errors.connect} · read ${errors.read} · write ${errors.write} · timeout ${errors.timeout} · status ${errors.status}${errors.tls === undefined ? '' : ` · TLS ${errors.tls}`}`} />
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

// The live run's progress bar and headline figures, with a warning when it falls behind its rate.
import { useEffect, useState } from 'react';
import { isIncomplete } from '../../../../common/censored.ts';
import { shortfall, progressOf } from '../../charts/shape/timeRows.ts';
import * as figures from '../../format/figures.ts';
import { diagnoseErrors, endpointOf } from '../../format/errorDiagnosis.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import type { LiveRun } from '../../store/state.ts';
import type { RunStatus } from '../../../../common/labApi.ts';
import { Stat } from '../../ui/Stat.tsx';

/** Re-renders every `ms` while `on`, for a smooth progress bar between the 1 s samples. */
function useClock(on: boolean, ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [on, ms]);
  return now;
}

export function LiveHeader({ live }: { live: LiveRun }) {
  const running = live.outcome.kind === 'running';
  const now = useClock(running, 250);
  const { openRun, loadRecord } = useActions();
  const last = live.samples.at(-1);
  const plannedMs = live.params === null ? null : live.params.mode === 'conn-rate' ? null : live.params.durationMs;
  const progress = progressOf(live.samples, live.startedAtMs, running ? now : (last?.point.tMs ?? 0) + (live.startedAtMs ?? 0), plannedMs);
  const fraction = live.outcome.kind === 'finished' ? 1 : progress.fraction;
  const short = shortfall(live.samples);
  const elapsedS = (last?.point.tMs ?? 0) / 1000;
  const totalErrors = last === undefined ? 0 : Object.values(last.totalErrors).reduce((sum, n) => sum + n, 0);
  const target = last?.targetRatePerSec ?? (live.params?.mode === 'rate' ? live.params.ratePerSec : null);
  const saved = live.outcome.kind === 'finished' ? live.outcome.header : null;
  const builtinUrl = useLab((state) => state.server.url);
  // Before a run against a profile that restarts its server or warms it up (the lab says which).
  const prelude = useLab((state) => state.run.prelude ?? null);
  // The saved record carries connect errors by cause; the live samples only count them.
  const savedRecord = useLab((state) => (saved === null ? undefined : state.records[saved.id]));
  const savedId = saved?.id ?? null;
  useEffect(() => {
    if (savedId !== null && totalErrors > 0) void loadRecord(savedId);
  }, [savedId, totalErrors, loadRecord]);
  const endpoint = endpointOf(live.params?.target.kind === 'url' ? live.params.target.url : builtinUrl);
  const diagnosis =
    last === undefined
      ? null
      : diagnoseErrors(last.totalErrors, { where: endpoint?.where ?? null, host: endpoint?.host ?? null, timeoutMs: live.params?.timeoutMs ?? null, connectCauses: savedRecord?.summary.connectErrorCauses ?? null });
  // Errors, not slow answers, hold the rate down when there are more of them than responses.
  const errorsDominate = diagnosis !== null && totalErrors >= (last?.totalRequests ?? 0);
  // The saved run's completion once it has one (unanswered at the end counted), else so far.
  const completion = saved !== null && saved.completion !== null ? saved.completion : (last?.completionSoFar ?? null);

  return (
    <header className="live-head">
      <div className="live-title">
        <h2>{live.outcome.kind === 'running' ? (prelude === null ? 'Running' : preludeTitle(prelude)) : live.outcome.kind === 'finished' ? 'Finished' : 'Failed'}</h2>
        <span className="muted">{live.runId}</span>
        {saved !== null && (
          <button type="button" className="link" onClick={() => openRun(saved.id)}>
            Open “{saved.title}” in the journal →
          </button>
        )}
      </div>
      <div className="progress" role="progressbar" aria-label="Run progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
        <div className="progress-bar" style={{ width: `${Math.round((fraction ?? 0) * 1000) / 10}%` }} />
        <span className="progress-text">
          {figures.duration(progress.elapsedMs)} of {progress.durationMs === null ? 'the schedule' : figures.duration(progress.durationMs)}
        </span>
      </div>
      {live.outcome.kind === 'failed' && <div className="note error">The run failed: {live.outcome.message}</div>}
      {/* Nothing answered and only errors: the error banner below says it all. */}
      {short?.short === true && !(errorsDominate && (last?.totalRequests ?? 0) === 0) && (
        <div className="note warn" role="status">
          Falling short of the target: {figures.rate(short.achievedPerSec)} req/s achieved over the last seconds against {figures.rate(short.targetPerSec)} asked ({figures.percent(short.ratio)}).{' '}
          {errorsDominate ? 'Errors, not slow responses, are why: see below.' : 'The connections cannot keep up with the schedule; latency measured from the schedule grows with the backlog.'}
        </div>
      )}
      {diagnosis !== null && (
        <div className={`note ${errorsDominate ? 'error' : 'warn'} error-diagnosis`} role="status">
          {diagnosis.text}
        </div>
      )}
      <div className="stats">
        <Stat
          label="req/s (last interval)"
          value={last === undefined ? '…' : figures.rate((last.point.requests * 1000) / Math.max(1, last.point.tMs - (live.samples.at(-2)?.point.tMs ?? 0)))}
          detail={target === null ? 'no target (max or connection-rate mode)' : `target ${figures.rate(target)}`}
          tone={short?.short === true ? 'warn' : undefined}
        />
        <Stat
          label="completion"
          value={last === undefined && saved === null ? '…' : figures.completion(completion)}
          tone={isIncomplete(completion) ? 'bad' : undefined}
          detail={last === undefined && saved === null ? 'first sample after 1 s' : completion === null ? 'no schedule to complete (connection-rate mode)' : isIncomplete(completion) ? 'below 99 %: answers are missing, latencies are lower bounds' : saved !== null ? 'answered / scheduled' : 'answered / due so far'}
        />
        <Stat label="requests" value={last === undefined ? '…' : figures.count(last.totalRequests)} detail={last === undefined ? 'first sample after 1 s' : `in ${figures.duration(elapsedS * 1000)}`} />
        {saved !== null ? (
          <Stat label="p99" value={figures.boundedLatency({ valueUs: saved.p99Us, lowerBound: saved.latencyLowerBounds.includes('p99') })} detail={saved.latencyLowerBounds.includes('p99') ? 'whole run, unanswered counted at their wait (≥: lower bound)' : 'whole run, corrected'} />
        ) : (
          <Stat label="p99 so far" value={last === undefined ? '…' : figures.latency(last.p99SoFarUs)} detail="answered so far, corrected" />
        )}
        <Stat label="p99 this interval" value={last === undefined ? '…' : figures.latency(last.point.latencyUs?.p99)} detail={last !== undefined && last.point.latencyUs === null ? 'no responses' : undefined} />
        <Stat label="errors" value={last === undefined ? '…' : figures.count(totalErrors)} tone={totalErrors > 0 ? 'bad' : undefined} detail={last === undefined || totalErrors === 0 ? 'none' : errorDetail(last.totalErrors)} />
      </div>
    </header>
  );
}

function errorDetail(errors: Record<string, number>): string {
  return Object.entries(errors)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}


function preludeTitle(prelude: NonNullable<RunStatus['prelude']>): string {
  if (prelude.stopping === true) return 'Stopping before the run';
  return prelude.phase === 'restart' ? `Restarting ${prelude.profile} before the run` : `Warming up ${prelude.profile}: ${prelude.warmupMs / 1000} s, not recorded`;
}

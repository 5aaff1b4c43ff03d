// The run going now (or the last one): progress, achieved vs target, latency, errors and the
// server's telemetry on one time axis; the percentile spectrum so far, then the saved run's.
import { useMemo } from 'react';
import { ErrorsTimeChart } from '../../charts/ErrorsTimeChart.tsx';
import { LatencyTimeChart } from '../../charts/LatencyTimeChart.tsx';
import { RateTimeChart } from '../../charts/RateTimeChart.tsx';
import { QueueServiceChart, ServerLoadChart } from '../../charts/ServerCharts.tsx';
import { TIME_AXIS_LABEL } from '../../charts/axisText.ts';
import { telemetryRows } from '../../charts/shape/telemetryRows.ts';
import { lastTime, liveAxisLengthS, timeAxis } from '../../charts/shape/timeAxis.ts';
import { errorRows, liveRows } from '../../charts/shape/timeRows.ts';
import { useLab } from '../../store/LabContext.tsx';
import type { LiveRun } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LiveHeader } from './LiveHeader.tsx';
import { LiveSpectrum } from './LiveSpectrum.tsx';
import { SavedRunSpectrum } from './SavedRunSpectrum.tsx';
import { ServerWindow } from './ServerWindow.tsx';
import { LiveProcessCharts } from './ownServer/LiveProcessCharts.tsx';

export function LivePanel() {
  const live = useLab((state) => state.live);
  if (live === null) {
    return (
      <section className="panel live-panel" aria-label="Live run">
        <EmptyState title="No run yet">
          Pick a preset above or paste a command, then press <strong>Run</strong> (<kbd>Ctrl</kbd>+<kbd>Enter</kbd>). Progress, latency over time, errors and the server’s queue
          appear here as the run goes; the run is saved to the journal when it ends.
        </EmptyState>
        <ServerWindow />
      </section>
    );
  }
  return <LiveRunView live={live} />;
}

function LiveRunView({ live }: { live: LiveRun }) {
  const rows = useMemo(() => liveRows(live.samples), [live.samples]);
  const errors = useMemo(() => errorRows(live.samples), [live.samples]);
  const builtin = live.params?.target.kind === 'builtin';
  const serverRows = useMemo(() => (live.startedAtMs === null ? [] : telemetryRows(live.serverSamples, live.startedAtMs)), [live.serverSamples, live.startedAtMs]);
  const plannedS = live.params === null || live.params.mode === 'conn-rate' ? null : live.params.durationMs / 1000;
  // The axis follows the data, not the plan (the progress bar shows the plan).
  const time = useMemo(() => {
    const lastS = lastTime(rows, serverRows);
    return timeAxis(liveAxisLengthS(plannedS, lastS), lastS);
  }, [plannedS, rows, serverRows]);
  const waiting = live.outcome.kind === 'running' ? 'The first sample arrives after one second.' : 'This run sent no samples.';
  return (
    <section className="panel live-panel" aria-label="Live run" data-samples={live.samples.length}>
      <LiveHeader live={live} />
      <div className="chart-grid">
        <LatencyTimeChart rows={rows} time={time} syncId="live" empty={waiting} />
        <RateTimeChart rows={rows} time={time} syncId="live" empty={waiting} />
        {builtin ? (
          <>
            <ServerLoadChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="live" empty="Waiting for the server’s telemetry (one sample a second)." />
            <QueueServiceChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="live" empty="Waiting for the server’s telemetry." />
          </>
        ) : (
          <LiveProcessCharts targetUrl={live.params?.target.kind === 'url' ? live.params.target.url : null} runStartEpochMs={live.startedAtMs} going={live.outcome.kind === 'running'} time={time} />
        )}
        <div className="span-all">
          <ErrorsTimeChart rows={errors} time={time} syncId="live" height={130} />
        </div>
      </div>
      {live.outcome.kind === 'finished' ? <SavedRunSpectrum header={live.outcome.header} /> : live.outcome.kind === 'running' && <LiveSpectrum live={live} />}
    </section>
  );
}

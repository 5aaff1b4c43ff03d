// The run going now (or the last one): progress, achieved vs target, latency, errors and the
// server's telemetry on one time axis; the percentile spectrum so far, then the saved run's.
import { memo, useMemo } from 'react';
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
import { useThrottled } from './useThrottled.ts';

/** While a run goes, its charts redraw at most this often (the header's figures follow every sample). */
export const LIVE_CHART_REDRAW_MS = 2000;

// The header changes with every sample (and its progress bar four times a second); a chart whose
// data has not changed is not drawn again (recharts redraws a whole chart on every render).
const LiveLatencyChart = memo(LatencyTimeChart);
const LiveRateChart = memo(RateTimeChart);
const LiveErrorsChart = memo(ErrorsTimeChart);
const LiveServerLoadChart = memo(ServerLoadChart);
const LiveQueueServiceChart = memo(QueueServiceChart);
const LiveProcess = memo(LiveProcessCharts);

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
  // Samples and server telemetry arrive apart (about one a second each): one throttle for both, so they redraw together.
  const fresh = useMemo(() => ({ samples: live.samples, serverSamples: live.serverSamples }), [live.samples, live.serverSamples]);
  const { samples, serverSamples } = useThrottled(fresh, LIVE_CHART_REDRAW_MS, live.outcome.kind !== 'running', live.runId);
  const rows = useMemo(() => liveRows(samples), [samples]);
  const errors = useMemo(() => errorRows(samples), [samples]);
  const builtin = live.params?.target.kind === 'builtin';
  const serverRows = useMemo(() => (live.startedAtMs === null ? [] : telemetryRows(serverSamples, live.startedAtMs)), [serverSamples, live.startedAtMs]);
  const plannedS = live.params === null || live.params.mode === 'conn-rate' ? null : live.params.durationMs / 1000;
  // The axis follows the data, not the plan (the progress bar shows the plan).
  const time = useMemo(() => {
    const lastS = lastTime(rows, serverRows);
    return timeAxis(liveAxisLengthS(plannedS, lastS), lastS);
  }, [plannedS, rows, serverRows]);
  const waiting = live.outcome.kind === 'running' ? 'The first sample arrives after one second.' : 'This run sent no samples.';
  return (
    <section className="panel live-panel" aria-label="Live run" data-samples={live.samples.length} data-drawn-samples={samples.length}>
      <LiveHeader live={live} />
      <div className="chart-grid">
        <LiveLatencyChart rows={rows} time={time} syncId="live" empty={waiting} />
        <LiveRateChart rows={rows} time={time} syncId="live" empty={waiting} />
        {builtin ? (
          <>
            <LiveServerLoadChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="live" empty="Waiting for the server’s telemetry (one sample a second)." />
            <LiveQueueServiceChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="live" empty="Waiting for the server’s telemetry." />
          </>
        ) : (
          <LiveProcess targetUrl={live.params?.target.kind === 'url' ? live.params.target.url : null} runStartEpochMs={live.startedAtMs} going={live.outcome.kind === 'running'} time={time} />
        )}
        <div className="span-all">
          <LiveErrorsChart rows={errors} time={time} syncId="live" height={130} />
        </div>
      </div>
      {live.outcome.kind === 'finished' ? <SavedRunSpectrum header={live.outcome.header} /> : live.outcome.kind === 'running' && <LiveSpectrum live={live} />}
    </section>
  );
}

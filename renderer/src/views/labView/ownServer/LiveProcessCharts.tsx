// A live run against the launched server: its process charts on the run's time axis, from the
// lab's profiles.telemetry events (once a second) received while the run goes.
import { useEffect, useMemo, useState } from 'react';
import type { ProfileServerStatus } from '../../../../../common/labApi.ts';
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';
import { TIME_AXIS_LABEL } from '../../../charts/axisText.ts';
import { ProcessCharts } from '../../../charts/ProcessCharts.tsx';
import { processCharts } from '../../../charts/shape/processRows.ts';
import type { TimeAxis } from '../../../charts/shape/timeAxis.ts';
import { useLabApi } from '../../../store/LabContext.tsx';
import { loadsServer, onRunAxis } from './liveProcess.ts';

interface Props {
  targetUrl: string | null;
  runStartEpochMs: number | null;
  /** While false, no more points are taken (the run ended; the server goes on). */
  going: boolean;
  time: TimeAxis;
}

export function LiveProcessCharts({ targetUrl, runStartEpochMs, going, time }: Props) {
  const api = useLabApi();
  const [status, setStatus] = useState<ProfileServerStatus | null>(null);
  const [points, setPoints] = useState<ProcessTelemetryPoint[]>([]);
  useEffect(() => {
    void api.call('profiles.status', {}).then(setStatus, () => setStatus(null));
    return api.on('profiles.serverStatus', setStatus);
  }, [api]);
  useEffect(() => {
    if (!going) return undefined;
    return api.on('profiles.telemetry', ({ point }) => setPoints((previous) => [...previous, point]));
  }, [api, going]);
  const mine = status !== null && targetUrl !== null && loadsServer(targetUrl, status.url);
  const charts = useMemo(() => processCharts(runStartEpochMs === null ? [] : onRunAxis(points, runStartEpochMs)), [points, runStartEpochMs]);
  if (!mine) return <div className="chart-empty-note">Server telemetry is recorded for the built-in server and for your own server started here (pick it in the server column).</div>;
  if (charts.rows.length === 0) {
    // Points are taken while the run goes (a page opened later has none): the saved run has them all.
    const text = going ? `Waiting for ${status.profile ?? 'the server'}’s process telemetry (one sample a second).` : `${status.profile ?? 'The server'}’s process charts are on the saved run’s page.`;
    return <div className="chart-empty-note">{text}</div>;
  }
  return <ProcessCharts charts={charts} time={time} xLabel={TIME_AXIS_LABEL} syncId="live" />;
}

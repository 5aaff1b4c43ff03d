// The built-in server's last minutes of telemetry when no run is on screen.
import { useMemo } from 'react';
import { QueueServiceChart, ServerLoadChart } from '../../charts/ServerCharts.tsx';
import { telemetryRows } from '../../charts/shape/telemetryRows.ts';
import { useLab } from '../../store/LabContext.tsx';

const WINDOW = 120;
const WINDOW_AXIS = { domain: [-WINDOW, 0] as [number, number], ticks: [-120, -90, -60, -30, 0] };

export function ServerWindow() {
  const telemetry = useLab((state) => state.telemetry);
  const running = useLab((state) => state.server.state === 'running');
  const rows = useMemo(() => {
    const recent = telemetry.slice(-WINDOW);
    const last = recent.at(-1);
    return last === undefined ? [] : telemetryRows(recent, last.epochMs);
  }, [telemetry]);
  if (!running) return null;
  return (
    <div className="chart-grid">
      <ServerLoadChart rows={rows} time={WINDOW_AXIS} xLabel="seconds from now" xText={ago} empty="Waiting for the server’s first telemetry sample." />
      <QueueServiceChart rows={rows} time={WINDOW_AXIS} xLabel="seconds from now" xText={ago} empty="Waiting for the server’s first telemetry sample." />
    </div>
  );
}

function ago(seconds: number): string {
  return seconds === 0 ? 'now' : `${Math.round(-seconds)} s ago`;
}

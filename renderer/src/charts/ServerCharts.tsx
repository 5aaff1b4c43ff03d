// The built-in server's side of a run: what waits (connections, queue, busy handlers) and for
// how long (queue wait against service time, p99 per interval).
import type { ReactNode } from 'react';
import { perRecord } from './shape/perRecord.ts';
import { formatSignificant } from '../../../common/chart/axis.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { countText, secondsText, timeSpec } from './axisText.ts';
import type { TimeAxis } from './shape/timeAxis.ts';
import { LineChartBox } from './LineChartBox.tsx';
import { downsampleRows } from './shape/downsampleRows.ts';
import { latencyChartData, MAX_DRAWN_ROWS } from './shape/latencyChart.ts';
import type { TelemetryRow } from './shape/telemetryRows.ts';

const LOAD_KEYS = ['open', 'queueDepth', 'busy', 'threads'] as const;
const LATENCY_KEYS = ['queueWaitP99', 'serviceP99'] as const;

const loadRowsOf = perRecord((rows: readonly TelemetryRow[]) => downsampleRows(rows, LOAD_KEYS, MAX_DRAWN_ROWS));
const latencyDataOf = perRecord((rows: readonly TelemetryRow[]) => latencyChartData(rows, LATENCY_KEYS));

interface Props {
  rows: readonly TelemetryRow[];
  /** "time since start (s)", or "seconds ago". */
  xLabel: string;
  time?: TimeAxis;
  syncId?: string;
  empty?: ReactNode;
  xText?: (x: number) => string;
}

export function ServerLoadChart({ rows, xLabel, time, syncId, empty, xText = secondsText }: Props) {
  const palette = useChartPalette();
  const drawn = loadRowsOf(rows);
  return (
    <LineChartBox
      title="Server: connections, queue, handlers"
      rows={drawn}
      xKey="tS"
      x={timeSpec(xLabel, time)}
      y={{ label: 'count', scale: 'linear' }}
      lines={[
        { key: 'open', label: 'open connections', color: palette.series[0] ?? palette.fg },
        { key: 'queueDepth', label: 'queue depth', color: palette.series[1] ?? palette.fg, width: 2 },
        { key: 'busy', label: 'busy handlers', color: palette.series[2] ?? palette.fg },
        { key: 'threads', label: 'handler threads', color: palette.series[4] ?? palette.fg, dash: '4 3' },
      ]}
      valueText={(_key, value) => countText(value)}
      xText={xText}
      syncId={syncId}
      empty={empty}
    />
  );
}

export function QueueServiceChart({ rows, xLabel, time, syncId, empty, xText = secondsText }: Props) {
  const palette = useChartPalette();
  const data = latencyDataOf(rows);
  const unit = data.axis.unit.label;
  return (
    <LineChartBox
      title="Server: queue wait vs service time"
      note="p99 per interval"
      rows={data.rows}
      xKey="tS"
      x={timeSpec(xLabel, time)}
      y={{ label: `${unit}, log`, scale: 'log', domain: data.axis.domain, ticks: data.axis.ticks, format: data.axis.format }}
      lines={[
        { key: 'queueWaitP99', label: 'queue wait p99', color: palette.series[1] ?? palette.fg, width: 2 },
        { key: 'serviceP99', label: 'service p99', color: palette.series[0] ?? palette.fg },
      ]}
      valueText={(_key, value) => `${formatSignificant(value)} ${unit}`}
      xText={xText}
      syncId={syncId}
      empty={empty}
    />
  );
}

// Latency percentiles per interval over time, log axis (a 1 ms p50 and a 1 s max on one chart).
import type { ReactNode } from 'react';
import { perRecord } from './shape/perRecord.ts';
import { formatSignificant } from '../../../common/chart/axis.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { secondsText, TIME_AXIS_LABEL, timeSpec } from './axisText.ts';
import type { TimeAxis } from './shape/timeAxis.ts';
import { LineChartBox } from './LineChartBox.tsx';
import { latencyChartData } from './shape/latencyChart.ts';
import { latencyKeys, type TimeRow } from './shape/timeRows.ts';

/** Per rows array: a run page opened again draws from what was shaped before. */
const dataOf = perRecord((rows: readonly TimeRow[]) => latencyChartData(rows, latencyKeys));

export function LatencyTimeChart({ rows, time, syncId, note, empty }: { rows: readonly TimeRow[]; time?: TimeAxis; syncId?: string; note?: ReactNode; empty?: ReactNode }) {
  const palette = useChartPalette();
  const data = dataOf(rows);
  const unit = data.axis.unit.label;
  const lines = [
    { key: 'p50', label: 'p50', color: palette.latency.p50 },
    { key: 'p90', label: 'p90', color: palette.latency.p90 },
    { key: 'p99', label: 'p99', color: palette.latency.p99, width: 2 },
    { key: 'max', label: 'max', color: palette.latency.max, dash: '4 3' },
  ];
  return (
    <LineChartBox
      title="Latency over time"
      note={note ?? 'per 1 s interval'}
      rows={data.rows}
      xKey="tS"
      x={timeSpec(TIME_AXIS_LABEL, time)}
      y={{ label: `latency (${unit}, log)`, scale: 'log', domain: data.axis.domain, ticks: data.axis.ticks, format: data.axis.format }}
      lines={lines}
      valueText={(_key, value) => `${formatSignificant(value)} ${unit}`}
      xText={secondsText}
      syncId={syncId}
      empty={empty}
    />
  );
}

// Requests per second achieved in each interval, against the target rate when there is one.
import type { ReactNode } from 'react';
import { perRecord } from './shape/perRecord.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { perSecText, secondsText, TIME_AXIS_LABEL, timeSpec } from './axisText.ts';
import type { TimeAxis } from './shape/timeAxis.ts';
import { LineChartBox, type LineSpec } from './LineChartBox.tsx';
import { downsampleRows } from './shape/downsampleRows.ts';
import { MAX_DRAWN_ROWS } from './shape/latencyChart.ts';
import type { TimeRow } from './shape/timeRows.ts';

const drawnOf = perRecord((rows: readonly TimeRow[]) => downsampleRows(rows, ['reqPerSec'], MAX_DRAWN_ROWS));

export function RateTimeChart({ rows, time, syncId, empty }: { rows: readonly TimeRow[]; time?: TimeAxis; syncId?: string; empty?: ReactNode }) {
  const palette = useChartPalette();
  const drawn = drawnOf(rows);
  const hasTarget = rows.some((row) => row.targetPerSec !== null);
  const lines: LineSpec[] = [{ key: 'reqPerSec', label: 'achieved', color: palette.series[0] ?? palette.fg, width: 2 }];
  if (hasTarget) lines.push({ key: 'targetPerSec', label: 'target', color: palette.target, dash: '5 4' });
  return (
    <LineChartBox
      title="Throughput"
      note={hasTarget ? 'achieved vs target' : 'achieved'}
      rows={drawn}
      xKey="tS"
      x={timeSpec(TIME_AXIS_LABEL, time)}
      y={{ label: 'req/s', scale: 'linear' }}
      lines={lines}
      valueText={(_key, value) => perSecText(value)}
      xText={secondsText}
      syncId={syncId}
      empty={empty}
    />
  );
}

// Errors by kind in each interval; a calm "none" when the run had none.
import { useMemo } from 'react';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { countText, secondsText, TIME_AXIS_LABEL, timeSpec } from './axisText.ts';
import type { TimeAxis } from './shape/timeAxis.ts';
import { LineChartBox, type LineSpec } from './LineChartBox.tsx';
import { downsampleRows } from './shape/downsampleRows.ts';
import { MAX_DRAWN_ROWS } from './shape/latencyChart.ts';
import { errorKinds, type ErrorRow } from './shape/timeRows.ts';

export function ErrorsTimeChart({ rows, time, syncId, height }: { rows: readonly ErrorRow[]; time?: TimeAxis; syncId?: string; height?: number }) {
  const palette = useChartPalette();
  const kinds = useMemo(() => errorKinds.filter((kind) => rows.some((row) => row[kind] > 0)), [rows]);
  const drawn = useMemo(() => downsampleRows(rows, kinds, MAX_DRAWN_ROWS), [rows, kinds]);
  const lines: LineSpec[] = kinds.map((kind) => ({ key: kind, label: kind, color: palette.errors[kind], width: kind === 'timeout' ? 2 : 1.5 }));
  return (
    <LineChartBox
      title="Errors by kind"
      note="per interval"
      rows={kinds.length === 0 ? [] : drawn}
      xKey="tS"
      x={timeSpec(TIME_AXIS_LABEL, time)}
      y={{ label: 'errors', scale: 'linear' }}
      lines={lines}
      valueText={(_key, value) => countText(value)}
      xText={secondsText}
      syncId={syncId}
      height={height}
      empty={rows.length === 0 ? 'No samples yet.' : 'No errors: no connect, read, write, timeout, status or TLS errors.'}
    />
  );
}

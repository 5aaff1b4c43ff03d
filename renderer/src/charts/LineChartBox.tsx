// The one line-chart component: rows and axes come shaped (see charts/shape/); this only draws.
// No animation (live series redraw every second), no dots, gaps where a value is unknown.
import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { ChartTooltip } from './ChartTooltip.tsx';
import { Legend, type LegendItem } from './Legend.tsx';

export interface LineSpec extends LegendItem {
  key: string;
  width?: number;
  axis?: 'left' | 'right';
  /** Compare views: join a run's points across x values only other runs have. */
  connectNulls?: boolean;
}

export interface AxisSpec {
  /** With its unit: "latency (ms, log)", "req/s", "time since start (s)". */
  label: string;
  scale: 'linear' | 'log';
  domain?: [number, number];
  ticks?: number[];
  format?: (value: number) => string;
}

export interface LineChartBoxProps {
  title: string;
  /** Small text beside the title: what the chart shows, what it lacks. */
  note?: ReactNode;
  rows: readonly object[];
  xKey: string;
  x: AxisSpec;
  y: AxisSpec;
  y2?: AxisSpec;
  lines: readonly LineSpec[];
  /** Tooltip text for a value of a line. */
  valueText: (key: string, value: number) => string;
  /** Tooltip heading for an x value. */
  xText: (x: number) => string;
  height?: number;
  /** Charts with the same syncId share the tooltip's x position. */
  syncId?: string;
  empty?: ReactNode;
}

const AXIS_WIDTH = 56;
/** At most this many rows, points are drawn as dots too. */
const SPARSE_ROWS = 40;

export function LineChartBox({ title, note, rows, xKey, x, y, y2, lines, valueText, xText, height = 210, syncId, empty }: LineChartBoxProps) {
  const palette = useChartPalette();
  const tick = { fill: palette.muted, fontSize: 11 };
  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        {note !== undefined && <span className="chart-note">{note}</span>}
        <Legend items={lines} />
      </figcaption>
      {rows.length === 0 ? (
        <div className="chart-empty" style={{ height }}>
          {empty ?? 'No data yet.'}
        </div>
      ) : (
        <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 6, right: y2 === undefined ? 12 : 4, bottom: 2, left: 4 }} syncId={syncId} syncMethod="value">
          <CartesianGrid stroke={palette.grid} strokeDasharray="2 3" />
          <XAxis
            dataKey={xKey}
            type="number"
            scale={x.scale}
            domain={x.domain ?? ['dataMin', 'dataMax']}
            ticks={x.ticks}
            tickFormatter={x.format}
            tick={tick}
            stroke={palette.grid}
            allowDataOverflow={x.domain !== undefined}
            height={34}
            label={{ value: x.label, position: 'insideBottom', offset: 0, fill: palette.muted, fontSize: 11 }}
          />
          <YAxis
            yAxisId="left"
            scale={y.scale}
            domain={y.domain ?? [0, 'auto']}
            ticks={y.ticks}
            tickFormatter={y.format}
            tick={tick}
            stroke={palette.grid}
            width={AXIS_WIDTH}
            allowDataOverflow={y.domain !== undefined}
            label={{ value: y.label, angle: -90, position: 'insideLeft', fill: palette.muted, fontSize: 11, style: { textAnchor: 'middle' } }}
          />
          {y2 !== undefined && (
            <YAxis
              yAxisId="right"
              orientation="right"
              scale={y2.scale}
              domain={y2.domain ?? [0, 'auto']}
              ticks={y2.ticks}
              tickFormatter={y2.format}
              tick={tick}
              stroke={palette.grid}
              width={AXIS_WIDTH}
              allowDataOverflow={y2.domain !== undefined}
              label={{ value: y2.label, angle: 90, position: 'insideRight', fill: palette.muted, fontSize: 11, style: { textAnchor: 'middle' } }}
            />
          )}
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: palette.muted, strokeDasharray: '3 3' }}
            content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} xText={xText} valueText={valueText} lines={lines} />}
          />
          {lines.map((line) => (
            <Line
              key={line.key}
              yAxisId={line.axis ?? 'left'}
              dataKey={line.key}
              name={line.label}
              type="linear"
              stroke={line.color}
              strokeWidth={line.width ?? 1.5}
              strokeDasharray={line.dash}
              // A short run has a few points: draw them, or a single interval would be invisible.
              dot={rows.length <= SPARSE_ROWS ? { r: 2, strokeWidth: 0, fill: line.color } : false}
              activeDot={{ r: 3 }}
              connectNulls={line.connectNulls ?? false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </figure>
  );
}

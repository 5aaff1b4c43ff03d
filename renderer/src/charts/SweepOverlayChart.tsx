// Several sweeps overlaid: one latency figure against achieved throughput per sweep, in the
// sweep's colour, on a log axis. Points of steps that answered under 99 % of their requests, and
// figures that are only lower bounds, are hollow on a dashed line; each knee is a ring on its
// sweep's line. Shaped by shape/sweepOverlay.ts.
import { CartesianGrid, Line, LineChart, ReferenceDot, XAxis, YAxis } from 'recharts';
import type { SweepLatencyFigure } from '../../../common/labApi.ts';
import { formatTickNumber } from '../../../common/chart/axis.ts';
import { completion, latency, rate } from '../format/figures.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { Legend } from './Legend.tsx';
import { sweepOverlayData, type OverlaidSweep, type OverlayPoint } from './shape/sweepOverlay.ts';

const FIGURE_LABELS: Record<SweepLatencyFigure, string> = { p50: 'p50', p90: 'p90', p99: 'p99', p999: 'p99.9' };

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: OverlayPoint;
}

export function SweepOverlayChart({ sweeps, figure, height = 380 }: { sweeps: readonly OverlaidSweep[]; figure: SweepLatencyFigure; height?: number }) {
  const palette = useChartPalette();
  const data = sweepOverlayData(sweeps, figure);
  const tick = { fill: palette.muted, fontSize: 11 };
  const anyPartial = data.lines.some((line) => line.partial.length > 0);
  const points = data.lines.reduce((count, line) => count + line.measured.filter((point) => point.y !== null).length + line.partial.filter((point) => point.partial && point.y !== null).length, 0);
  // Recharts passes a key with the dot props; the function returns one circle per point or nothing.
  // Its <title> is the point's hover text (the browser's own tooltip: one per point, no shared cursor).
  const dot = (color: string, label: string, hollow: boolean) =>
    function SweepDot({ cx, cy, payload }: DotProps) {
      if (cx === undefined || cy === undefined || payload === undefined || payload.y === null || payload.partial !== hollow) return <g />;
      const text = pointText(label, FIGURE_LABELS[figure], payload);
      return hollow ? (
        <circle cx={cx} cy={cy} r={4} fill={palette.panel} stroke={color} strokeWidth={1.8}>
          <title>{text}</title>
        </circle>
      ) : (
        <circle cx={cx} cy={cy} r={3.5} fill={color}>
          <title>{text}</title>
        </circle>
      );
    };
  return (
    <figure className="chart sweep-overlay" data-lines={data.lines.length} data-points={points}>
      <figcaption className="chart-head">
        <span className="chart-title">{FIGURE_LABELS[figure]} latency against throughput</span>
        <span className="chart-note">
          one point per step; ring: the knee{anyPartial ? '; hollow on a dashed line: under 99 % answered or only a lower bound (≥)' : ''}
        </span>
        <Legend items={data.lines.map((line) => ({ key: line.id, label: line.label, color: line.color }))} />
      </figcaption>
      <LineChart responsive style={{ width: '100%', height }} margin={{ top: 16, right: 28, bottom: 2, left: 4 }}>
        <CartesianGrid stroke={palette.grid} strokeDasharray="2 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, data.xTicks.at(-1) ?? 1]}
          ticks={data.xTicks}
          allowDuplicatedCategory={false}
          tickFormatter={formatTickNumber}
          tick={tick}
          stroke={palette.grid}
          height={34}
          label={{ value: 'achieved (req/s)', position: 'insideBottom', offset: 0, fill: palette.muted, fontSize: 11 }}
        />
        <YAxis
          dataKey="y"
          scale="log"
          domain={data.axis.domain}
          ticks={data.axis.ticks}
          tickFormatter={data.axis.format}
          allowDataOverflow
          tick={tick}
          stroke={palette.grid}
          width={56}
          label={{ value: `${FIGURE_LABELS[figure]} (${data.axis.unit.label}, log)`, angle: -90, position: 'insideLeft', fill: palette.muted, fontSize: 11, style: { textAnchor: 'middle' } }}
        />
        {data.lines.map((line) => (
          <Line key={`${line.id}-partial`} data={line.partial} dataKey="y" name={`${line.label} ≥`} type="linear" stroke={line.color} strokeDasharray="5 4" strokeWidth={1.5} dot={dot(line.color, line.label, true)} activeDot={false} isAnimationActive={false} />
        ))}
        {data.lines.map((line) => (
          <Line key={line.id} data={line.measured} dataKey="y" name={line.label} type="linear" stroke={line.color} strokeWidth={2} dot={dot(line.color, line.label, false)} activeDot={false} isAnimationActive={false} />
        ))}
        {data.lines.map((line) =>
          line.knee === null ? null : <ReferenceDot key={`${line.id}-knee`} x={line.knee.x} y={line.knee.y ?? undefined} r={8} fill="none" stroke={line.color} strokeWidth={2.5} />,
        )}
      </LineChart>
    </figure>
  );
}

/** "pool-shared ×4 · 160 req/s target, 157 achieved · p99 ≥ 1.20 s · 63.8 % answered". */
function pointText(label: string, figure: string, point: OverlayPoint): string {
  return `${label} · ${rate(point.targetPerSec)} req/s target, ${rate(point.x)} achieved · ${figure} ${point.lowerBound ? '≥ ' : ''}${latency(point.valueUs)} · ${completion(point.completion)} answered`;
}

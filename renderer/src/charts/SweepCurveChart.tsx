// A sweep's curve: latency percentiles against the throughput each step achieved, log latency
// axis, lower bounds and incomplete steps dashed with hollow dots, the knee marked. Shaped by shape/sweepCurve.ts.
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepStepView } from '../../../common/labApi.ts';
import { formatSignificant, formatTickNumber } from '../../../common/chart/axis.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { ChartTooltip } from './ChartTooltip.tsx';
import { Legend } from './Legend.tsx';
import { boundKey, CURVE_FIGURES, sweepCurveData } from './shape/sweepCurve.ts';

export function SweepCurveChart({ steps, kneePerSec, height = 260 }: { steps: readonly SweepStepView[]; kneePerSec: number | null; height?: number }) {
  const palette = useChartPalette();
  const data = sweepCurveData(steps, kneePerSec);
  const unit = data.axis.unit.label;
  const tick = { fill: palette.muted, fontSize: 11 };
  const colors = { p50: palette.latency.p50, p90: palette.latency.p90, p99: palette.latency.p99 };
  const lines = CURVE_FIGURES.flatMap((figure) => [
    { key: figure, label: figure, color: colors[figure] },
    { key: boundKey(figure), label: `${figure} ≥ or incomplete`, color: colors[figure], dash: '4 3' },
  ]);
  const anyBound = data.rows.some((row) => CURVE_FIGURES.some((figure) => row[boundKey(figure)] !== null && row[figure] === null));
  return (
    <figure className="chart sweep-curve" data-points={data.rows.length}>
      <figcaption className="chart-head">
        <span className="chart-title">Latency against throughput</span>
        <span className="chart-note">one point per step{anyBound ? '; dashed, hollow: under 99 % answered, or only a lower bound (≥)' : ''}</span>
        <Legend items={lines.filter((line) => anyBound || !line.key.endsWith('Bound'))} />
      </figcaption>
      {data.rows.length === 0 ? (
        <div className="chart-empty" style={{ height }}>
          The first point appears when the first step ends.
        </div>
      ) : (
        <LineChart responsive style={{ width: '100%', height }} data={data.rows} margin={{ top: 22, right: 44, bottom: 2, left: 4 }}>
          <CartesianGrid stroke={palette.grid} strokeDasharray="2 3" />
          <XAxis
            dataKey="achievedPerSec"
            type="number"
            domain={[0, 'auto']}
            tickFormatter={formatTickNumber}
            tick={tick}
            stroke={palette.grid}
            height={34}
            label={{ value: 'achieved (req/s)', position: 'insideBottom', offset: 0, fill: palette.muted, fontSize: 11 }}
          />
          <YAxis
            scale="log"
            domain={data.axis.domain}
            ticks={data.axis.ticks}
            tickFormatter={data.axis.format}
            allowDataOverflow
            tick={tick}
            stroke={palette.grid}
            width={56}
            label={{ value: `latency (${unit}, log)`, angle: -90, position: 'insideLeft', fill: palette.muted, fontSize: 11, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload, label }) => (
              <ChartTooltip active={active} payload={payload} label={label} lines={lines} xText={(x) => `${formatSignificant(x)} req/s achieved`} valueText={(_key, value) => `${formatSignificant(value)} ${unit}`} />
            )}
          />
          {CURVE_FIGURES.map((figure) => (
            <Line key={figure} dataKey={figure} name={figure} type="linear" stroke={colors[figure]} strokeWidth={figure === 'p99' ? 2 : 1.5} dot={{ r: 3, strokeWidth: 0, fill: colors[figure] }} connectNulls isAnimationActive={false} />
          ))}
          {CURVE_FIGURES.map((figure) => (
            <Line
              key={boundKey(figure)}
              dataKey={boundKey(figure)}
              name={`${figure} ≥`}
              type="linear"
              stroke={colors[figure]}
              strokeDasharray="4 3"
              dot={{ r: 3.5, strokeWidth: 1.5, fill: palette.panel, stroke: colors[figure] }}
              isAnimationActive={false}
            />
          ))}
          {data.knee !== null && (
            <ReferenceLine x={data.knee.achievedPerSec} stroke={palette.muted} strokeDasharray="6 3" label={{ value: `knee ${formatSignificant(data.knee.targetPerSec)} req/s`, position: 'top', fill: palette.muted, fontSize: 11 }} />
          )}
          {data.knee?.p99 != null && <ReferenceDot x={data.knee.achievedPerSec} y={data.knee.p99} r={6} fill="none" stroke={colors.p99} strokeWidth={2} />}
        </LineChart>
      )}
    </figure>
  );
}

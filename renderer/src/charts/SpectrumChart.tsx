// The HdrHistogram percentile spectrum: latency against percentile on a log axis of 1/(1−p),
// one line per run. The latency axis is linear (as HdrHistogram's plotter) or log, switchable.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { formatSignificant, formatTickNumber } from '../../../common/chart/axis.ts';
import type { SpectrumPoint } from '../../../common/chart/spectrum.ts';
import { LineChartBox, type LineSpec } from './LineChartBox.tsx';
import { percentileText, preferLogLatency, spectrumChartData } from './shape/spectrumChart.ts';

export interface SpectrumSeries extends Omit<LineSpec, 'connectNulls'> {
  points: readonly SpectrumPoint[];
  /** Its values are lower bounds (unanswered requests counted at their wait): the tooltip says "≥". */
  lowerBound?: boolean;
}

/** `defaultLogY`: start with a log latency axis; by default it is log when the tail dwarfs the median. */
export function SpectrumChart({ series, note, height, empty, defaultLogY }: { series: readonly SpectrumSeries[]; note?: ReactNode; height?: number; empty?: ReactNode; defaultLogY?: boolean }) {
  const [chosenLogY, setLogY] = useState<boolean | null>(null);
  const logY = chosenLogY ?? defaultLogY ?? preferLogLatency(series);
  const id = useId();
  const data = useMemo(() => spectrumChartData(series, logY), [series, logY]);
  const unit = data.unit.label;
  const labels = new Map(data.xTicks.map((tick) => [tick.value, tick.label]));
  const bounds = new Set(series.filter((line) => line.lowerBound === true).map((line) => line.key));
  return (
    <div className="spectrum">
      <LineChartBox
        title="Latency by percentile"
        note={note}
        rows={data.rows}
        xKey="x"
        x={{ label: 'percentile (log scale of 1/(1−p))', scale: 'log', domain: data.xDomain, ticks: data.xTicks.map((tick) => tick.value), format: (value) => labels.get(value) ?? '' }}
        y={logY && data.yDomain !== null && data.yTicks !== null ? { label: `latency (${unit}, log)`, scale: 'log', domain: data.yDomain, ticks: data.yTicks, format: formatTickNumber } : { label: `latency (${unit})`, scale: 'linear' }}
        lines={series.map(({ lowerBound: _lowerBound, points: _points, ...line }) => ({ ...line, connectNulls: true }))}
        valueText={(key, value) => `${bounds.has(key) ? '≥ ' : ''}${formatSignificant(value)} ${unit}`}
        xText={percentileText}
        height={height}
        empty={empty}
      />
      <label className="chart-toggle" htmlFor={id}>
        <input id={id} type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} /> log latency axis
      </label>
    </div>
  );
}

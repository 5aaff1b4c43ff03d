// A launched (or watched) server process on the run's time axis: CPU, memory, threads and the
// kernel's accept queue, and its TCP connections by state. Shaped by shape/processRows.ts.
import { formatSignificant } from '../../../common/chart/axis.ts';
import { useChartPalette } from '../theme/PaletteContext.tsx';
import { countText, secondsText, timeSpec } from './axisText.ts';
import { LineChartBox } from './LineChartBox.tsx';
import type { ProcessCharts as Shaped } from './shape/processRows.ts';
import type { TimeAxis } from './shape/timeAxis.ts';

interface Props {
  charts: Shaped;
  xLabel: string;
  time?: TimeAxis;
  syncId?: string;
}

export function ProcessCharts({ charts, xLabel, time, syncId }: Props) {
  const palette = useChartPalette();
  const color = (index: number) => palette.series[index % palette.series.length] ?? palette.fg;
  const x = timeSpec(xLabel, time);
  return (
    <>
      <LineChartBox
        title="Server process: CPU"
        note="% of one core, whole process tree"
        rows={charts.rows}
        xKey="tS"
        x={x}
        y={{ label: '% of a core', scale: 'linear' }}
        lines={[
          { key: 'cpuUserPct', label: 'user', color: color(0), width: 2 },
          { key: 'cpuSystemPct', label: 'system', color: color(1) },
        ]}
        valueText={(_key, value) => `${formatSignificant(value)} %`}
        xText={secondsText}
        syncId={syncId}
      />
      <LineChartBox
        title="Server process: memory"
        note="resident set, whole process tree"
        rows={charts.rows}
        xKey="tS"
        x={x}
        y={{ label: 'RSS (MiB)', scale: 'linear' }}
        lines={[{ key: 'rssMiB', label: 'RSS', color: color(2), width: 2 }]}
        valueText={(_key, value) => `${formatSignificant(value)} MiB`}
        xText={secondsText}
        syncId={syncId}
      />
      <LineChartBox
        title="Server process: threads and accept queue"
        note="accept queue: connections the kernel holds for accept()"
        rows={charts.rows}
        xKey="tS"
        x={x}
        y={{ label: 'count', scale: 'linear' }}
        lines={[
          { key: 'acceptQueued', label: 'accept queue', color: color(1), width: 2 },
          { key: 'acceptMax', label: 'accept queue max', color: color(3), dash: '6 3' },
          { key: 'threads', label: 'threads', color: color(4), dash: '4 3' },
        ]}
        valueText={(_key, value) => countText(value)}
        xText={secondsText}
        syncId={syncId}
      />
      {charts.states.length > 0 && (
        <LineChartBox
          title="Server process: TCP connections by state"
          note="on its listening ports; the socket table is read each second, less often when it is large"
          rows={charts.stateRows}
          xKey="tS"
          x={x}
          y={{ label: 'connections', scale: 'linear' }}
          lines={charts.states.map((state, index) => ({ key: state, label: state, color: color(index) }))}
          valueText={(_key, value) => countText(value)}
          xText={secondsText}
          syncId={syncId}
        />
      )}
    </>
  );
}

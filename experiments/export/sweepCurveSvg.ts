// A sweep's curve for the exports, as a LineChart spec (journal/export/svg/lineChart.ts): latency
// percentiles against the throughput each step achieved, log latency axis. A figure that is only a
// lower bound, or of a step that answered under 99 % of its requests, is a hollow ring on a dashed
// line (joined to its measured neighbours); the knee is a large ring on its p99.
import { formatTickNumber, linearTicks } from '../../common/chart/axis.ts';
import { logLatencyAxis } from '../../common/chart/logAxis.ts';
import { maxOf } from '../../common/extent.ts';
import type { SweepLatencyFigure, SweepView } from '../../common/labApi.ts';
import { isPartialFigure, kneeStep } from '../../common/sweepKnees.ts';
import { PALETTE } from '../../journal/export/charts.ts';
import type { LineChart, LineSeries } from '../../journal/export/svg/lineChart.ts';

const FIGURES: readonly { figure: SweepLatencyFigure; name: string; colour: string }[] = [
  { figure: 'p50', name: 'p50', colour: PALETTE[0] },
  { figure: 'p90', name: 'p90', colour: PALETTE[2] },
  { figure: 'p99', name: 'p99', colour: PALETTE[1] },
];

export function sweepCurveChart(view: SweepView): LineChart {
  // Load order: a server that gave out bends back to lower throughput.
  const steps = [...view.steps].sort((a, b) => a.targetPerSec - b.targetPerSec);
  const axis = logLatencyAxis(steps.flatMap((step) => FIGURES.map(({ figure }) => step.latencyUs[figure])));
  const inUnit = (us: number | null): number | null => (us === null ? null : us / axis.unit.perUs);
  // Measured lines first (the legend reads p50, p90, p99), then the dashed parts, then their rings.
  const measured: LineSeries[] = [];
  const dashed: LineSeries[] = [];
  const rings: LineSeries[] = [];
  for (const { figure, name, colour } of FIGURES) {
    const partial = steps.map((step) => isPartialFigure(step, figure) && step.latencyUs[figure] !== null);
    const at = (i: number, keep: boolean) => ({ x: steps[i]?.achievedPerSec ?? 0, y: keep ? inUnit(steps[i]?.latencyUs[figure] ?? null) : null });
    measured.push({ name, colour, markers: true, markerRadiusPx: 3.2, points: steps.map((_step, i) => at(i, !partial[i])) });
    if (!partial.some(Boolean)) continue;
    // The dashed part joins the partial points to their measured neighbours; only the partial points get rings.
    dashed.push({ name: `${name} ≥ (incomplete)`, colour, dashed: true, points: steps.map((_step, i) => at(i, partial[i] === true || partial[i - 1] === true || partial[i + 1] === true)) });
    rings.push({ name: '', colour, dashed: true, hollow: true, markers: true, markerRadiusPx: 3.6, points: steps.map((_step, i) => at(i, partial[i] === true)) });
  }
  const series = [...measured, ...dashed, ...rings];
  const knee = kneeStep(view);
  if (knee !== null && knee.latencyUs.p99 !== null) {
    series.push({ name: `knee ${formatTickNumber(knee.targetPerSec)} req/s`, colour: '#111827', hollow: true, ringOnly: true, markers: true, markerRadiusPx: 8, points: [{ x: knee.achievedPerSec, y: inUnit(knee.latencyUs.p99) }] });
  }
  const maxX = maxOf(steps.map((step) => step.achievedPerSec), 0);
  return {
    title: 'Latency against throughput',
    x: { title: 'achieved (req/s)', scale: 'linear', ticks: linearTicks(0, maxX * 1.05, 6) },
    y: { title: `latency (${axis.unit.label}, log)`, scale: 'log', ticks: axis.ticks.map((value) => ({ value, label: axis.format(value) })), domain: axis.domain },
    series,
    emptyText: 'no step with a latency',
  };
}

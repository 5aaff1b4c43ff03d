// The compared runs overlaid: percentile spectra, p99 over time, throughput over time.
import { useMemo } from 'react';
import { formatSignificant } from '../../../../common/chart/axis.ts';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { perSecText, secondsText, TIME_AXIS_LABEL, timeSpec } from '../../charts/axisText.ts';
import { timeAxis } from '../../charts/shape/timeAxis.ts';
import { LineChartBox, type LineSpec } from '../../charts/LineChartBox.tsx';
import { compareTimeRows } from '../../charts/shape/compareLines.ts';
import { boundedSpectrumLines } from '../../charts/boundedSpectrumLines.ts';
import { downsampleRows } from '../../charts/shape/downsampleRows.ts';
import { latencyChartData, MAX_DRAWN_ROWS } from '../../charts/shape/latencyChart.ts';
import { SpectrumChart, type SpectrumSeries } from '../../charts/SpectrumChart.tsx';

export interface ComparedRun {
  id: string;
  label: string;
  color: string;
  dash: string;
  /** Undefined until read. */
  record: RunRecord | undefined;
}

export function CompareCharts({ runs }: { runs: readonly ComparedRun[] }) {
  const keyed = useMemo(
    () => runs.flatMap((run, index) => (run.record === undefined ? [] : [{ key: `r${index}`, run, record: run.record }])),
    [runs],
  );
  const lines: LineSpec[] = keyed.map(({ key, run }) => ({ key, label: run.label, color: run.color, dash: run.dash, width: 2, connectNulls: true }));
  const spectra: SpectrumSeries[] = useMemo(
    () =>
      keyed.flatMap(({ key, run, record }) =>
        boundedSpectrumLines(
          record,
          { key, label: record.histograms.correctedUs === null && record.summary.latencyUs.p50 === null ? `${run.label} (no percentiles)` : run.label, color: run.color, dash: run.dash, width: 2 },
          { key: `${key}-bound`, label: `${run.label} ≥ (unanswered)` },
        ),
      ),
    [keyed],
  );
  const p99 = useMemo(() => latencyChartData(compareTimeRows(keyed, 'p99'), keyed.map(({ key }) => key)), [keyed]);
  const rate = useMemo(() => downsampleRows(compareTimeRows(keyed, 'reqPerSec'), keyed.map(({ key }) => key), MAX_DRAWN_ROWS), [keyed]);
  const unit = p99.axis.unit.label;
  const time = useMemo(() => timeAxis(null, Math.max(p99.rows.at(-1)?.x ?? 0, rate.at(-1)?.x ?? 0)), [p99, rate]);
  const imported = keyed.some(({ record }) => record.histograms.correctedUs === null);
  const hasSpectrum = spectra.some((line) => line.points.length > 0);
  const hasSeries = p99.rows.length > 0 || rate.length > 0;
  const lacking = keyed.filter(({ record }) => record.series.length === 0).map(({ run }) => run.label);
  if (keyed.length === 0) return <section className="panel muted">Reading the runs…</section>;
  if (!hasSpectrum && !hasSeries) {
    return (
      <section className="panel" aria-label="Overlaid charts">
        <p className="muted">
          Nothing to overlay: these runs have no latency percentiles and no per-interval series (reports imported without <code>--latency</code> carry neither). The table below compares what they have.
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-label="Overlaid charts">
      {lacking.length > 0 && <p className="muted small">No per-interval series in: {lacking.join(', ')}.</p>}
      <div className="chart-grid">
        {hasSpectrum && <SpectrumChart series={spectra} note={`${imported ? 'corrected latency; imports without a histogram show their printed percentiles' : 'corrected latency, whole run'}${spectra.some((line) => line.lowerBound === true) ? '; dotted: ≥, unanswered requests counted at their wait' : ''}`} height={280} defaultLogY />}
        {hasSeries && (
          <LineChartBox
            title="p99 over time"
            note="per 1 s interval"
            rows={p99.rows}
            xKey="x"
            x={timeSpec(TIME_AXIS_LABEL, time)}
            y={{ label: `p99 (${unit}, log)`, scale: 'log', domain: p99.axis.domain, ticks: p99.axis.ticks, format: p99.axis.format }}
            lines={lines}
            valueText={(_key, value) => `${formatSignificant(value)} ${unit}`}
            xText={secondsText}
            height={280}
          />
        )}
        {hasSeries && (
          <LineChartBox
            title="Throughput over time"
            rows={rate}
            xKey="x"
            x={timeSpec(TIME_AXIS_LABEL, time)}
            y={{ label: 'req/s', scale: 'linear' }}
            lines={lines}
            valueText={(_key, value) => perSecText(value)}
            xText={secondsText}
          />
        )}
      </div>
    </section>
  );
}

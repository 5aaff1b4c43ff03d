// The run's charts: the percentile spectrum, latency and throughput over time, and the built-in
// server's telemetry, or a launched server's process telemetry, on the same time axis.
import { useMemo } from 'react';
import { summarySpectrumPoints } from '../../../../common/chart/spectrum.ts';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { TIME_AXIS_LABEL } from '../../charts/axisText.ts';
import { LatencyTimeChart } from '../../charts/LatencyTimeChart.tsx';
import { RateTimeChart } from '../../charts/RateTimeChart.tsx';
import { QueueServiceChart, ServerLoadChart } from '../../charts/ServerCharts.tsx';
import { lastTime, timeAxis } from '../../charts/shape/timeAxis.ts';
import { processChartsOf, serverRowsOf, timeRowsOf } from '../../charts/shape/recordCharts.ts';
import { runSpectrumSeries } from '../../charts/runSpectrumSeries.ts';
import { ProcessCharts } from '../../charts/ProcessCharts.tsx';
import { SpectrumChart, type SpectrumSeries } from '../../charts/SpectrumChart.tsx';
import { useChartPalette } from '../../theme/PaletteContext.tsx';

export function RunCharts({ record }: { record: RunRecord }) {
  const palette = useChartPalette();
  const spectrum = useMemo((): { series: SpectrumSeries[]; note: string } => {
    if (record.histograms.correctedUs === null) {
      return {
        series: [{ key: 'summary', label: 'printed percentiles', color: palette.series[0] ?? palette.fg, points: summarySpectrumPoints(record.summary.latencyUs) }],
        note: 'only the percentiles the report printed (no histogram)',
      };
    }
    const series = runSpectrumSeries(record, palette, 2);
    const bounded = series.some((line) => line.lowerBound === true);
    return { series, note: bounded ? 'HdrHistogram, whole run; unanswered requests counted at their wait (dashed: ≥)' : 'HdrHistogram, whole run' };
  }, [record, palette]);
  const rows = timeRowsOf(record);
  const serverRows = serverRowsOf(record);
  const time = useMemo(() => timeAxis(record.load.durationMs === null ? null : record.load.durationMs / 1000, lastTime(rows)), [record, rows]);
  const hasSpectrum = spectrum.series.some((line) => line.points.length > 0);
  const hasSeries = rows.length > 0;
  const process = processChartsOf(record);
  const hasProcess = process.rows.length > 0;
  const hasServer = serverRows.length > 0 || hasProcess;
  const absent = [
    hasSpectrum ? null : 'no percentile spectrum (no latency percentiles in this record)',
    hasSeries ? null : 'no timelines (no per-interval series)',
    hasServer ? null : record.server.kind === 'builtin' ? 'no server telemetry in this record' : 'no server telemetry (recorded for the built-in server and for servers Loadlab launched or watched)',
  ].filter((text): text is string => text !== null);
  return (
    <section className="panel" aria-labelledby="charts-title">
      <header className="panel-head">
        <h2 id="charts-title">Latency and throughput</h2>
        {absent.length > 0 && absent.length < 3 && <span className="muted">{absent.join(' · ')}</span>}
      </header>
      {hasSpectrum || hasSeries || hasServer ? (
        <div className="chart-grid">
          {hasSpectrum && <SpectrumChart series={spectrum.series} note={spectrum.note} />}
          {hasSeries && <LatencyTimeChart rows={rows} time={time} syncId="run" />}
          {hasSeries && <RateTimeChart rows={rows} time={time} syncId="run" />}
          {hasProcess && <ProcessCharts charts={process} time={time} xLabel={TIME_AXIS_LABEL} syncId="run" />}
          {serverRows.length > 0 && <ServerLoadChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="run" />}
          {serverRows.length > 0 && <QueueServiceChart rows={serverRows} time={time} xLabel={TIME_AXIS_LABEL} syncId="run" />}
        </div>
      ) : (
        <p className="muted">Nothing to draw: the report below is all this run has. Runs measured by Loadlab carry histograms, a per-second series and, against the built-in server, its telemetry.</p>
      )}
    </section>
  );
}

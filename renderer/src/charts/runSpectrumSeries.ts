// A measured run's spectrum lines: the corrected one with its unanswered requests counted (a
// dashed "≥" continuation where they can move the percentile), and the uncorrected one.
import type { RunRecord } from '../../../common/runRecord.ts';
import type { Palette } from '../theme/palette.ts';
import { boundedSpectrumLines } from './boundedSpectrumLines.ts';
import { uncorrectedSpectrum } from './shape/recordCharts.ts';
import type { SpectrumSeries } from './SpectrumChart.tsx';

export function runSpectrumSeries(record: RunRecord, palette: Palette, width?: number): SpectrumSeries[] {
  const { correctedUs, uncorrectedUs } = record.histograms;
  const series: SpectrumSeries[] = [];
  const color = palette.series[0] ?? palette.fg;
  const label = record.load.mode === 'max' ? 'latency' : 'corrected (from the schedule)';
  if (correctedUs !== null) {
    series.push(...boundedSpectrumLines(record, { key: 'corrected', label, color, width }, { key: 'corrected-bound', label: '≥ unanswered requests can move it', exactLabel: `${label}, unanswered counted` }));
  }
  if (uncorrectedUs !== null) series.push({ key: 'uncorrected', label: 'uncorrected (from the send)', color: palette.series[1] ?? palette.fg, dash: '6 3', points: uncorrectedSpectrum(record.histograms) });
  return series;
}

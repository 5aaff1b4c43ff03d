// A measured run's spectrum lines: the corrected one with its unanswered requests counted (a
// dashed "≥" continuation where they can move the percentile), and the uncorrected one.
import type { RunRecord } from '../../../common/runRecord.ts';
import type { Palette } from '../theme/palette.ts';
import { splitLowerBounds } from './shape/boundedSpectrum.ts';
import { correctedSpectrum, uncorrectedSpectrum, unansweredSpectrum } from './shape/recordCharts.ts';
import type { SpectrumSeries } from './SpectrumChart.tsx';

export function runSpectrumSeries(record: RunRecord, palette: Palette, width?: number): SpectrumSeries[] {
  const { correctedUs, uncorrectedUs } = record.histograms;
  const series: SpectrumSeries[] = [];
  const color = palette.series[0] ?? palette.fg;
  const label = record.load.mode === 'max' ? 'latency' : 'corrected (from the schedule)';
  if (correctedUs !== null) {
    const withUnanswered = unansweredSpectrum(record.histograms);
    const split = withUnanswered === null ? null : splitLowerBounds(withUnanswered);
    if (split === null || split.bound.length === 0) {
      series.push({ key: 'corrected', label, color, width, points: withUnanswered ?? correctedSpectrum(record.histograms) });
    } else {
      series.push({ key: 'corrected', label: `${label}, unanswered counted`, color, width, points: split.exact });
      series.push({ key: 'corrected-bound', label: '≥ unanswered requests can move it', color, width, dash: '2 3', points: split.bound, lowerBound: true });
    }
  }
  if (uncorrectedUs !== null) series.push({ key: 'uncorrected', label: 'uncorrected (from the send)', color: palette.series[1] ?? palette.fg, dash: '6 3', points: uncorrectedSpectrum(record.histograms) });
  return series;
}

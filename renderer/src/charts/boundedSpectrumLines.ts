// One run's corrected spectrum as chart lines: the usual line, and where unanswered requests can
// move the percentiles a second, dotted line of lower bounds ("≥") in the same colour. Shared by
// the run page (runSpectrumSeries) and Compare, so a failing run never reads faster there than
// on its own page.
import type { RunRecord } from '../../../common/runRecord.ts';
import { splitLowerBounds } from '../../../common/chart/boundedSpectrum.ts';
import { bestSpectrum, unansweredSpectrum } from './shape/recordCharts.ts';
import type { SpectrumSeries } from './SpectrumChart.tsx';

/** The dash of the lower-bound continuation. */
export const BOUND_DASH = '2 3';

type LineStyle = Omit<SpectrumSeries, 'points' | 'lowerBound'>;

/**
 * `line` drawn with the record's spectrum; when some percentiles are only lower bounds, `line`
 * ends at the last exact point and `bound` continues from there, dotted and marked lowerBound.
 */
export function boundedSpectrumLines(record: Pick<RunRecord, 'histograms' | 'summary'>, line: LineStyle, bound: { key: string; label: string; exactLabel?: string }): SpectrumSeries[] {
  const withUnanswered = record.histograms.correctedUs === null ? null : unansweredSpectrum(record.histograms);
  const split = withUnanswered === null ? null : splitLowerBounds(withUnanswered);
  if (split === null || split.bound.length === 0) return [{ ...line, points: withUnanswered ?? bestSpectrum(record) }];
  return [
    { ...line, label: bound.exactLabel ?? line.label, points: split.exact },
    { ...line, key: bound.key, label: bound.label, dash: BOUND_DASH, points: split.bound, lowerBound: true },
  ];
}

// A record's chart data, computed once per record (see perRecord.ts) and shared by the run page,
// the Lab's saved-run spectrum and Compare.
import { spectrumPoints, summarySpectrumPoints, type SpectrumPoint } from '../../../../common/chart/spectrum.ts';
import { censoredSpectrumPoints, type BoundedSpectrumPoint } from '../../../../common/chart/censoredSpectrum.ts';
import { builtinServerPoints, type RunRecord } from '../../../../common/runRecord.ts';
import { perRecord } from './perRecord.ts';
import { processCharts } from './processRows.ts';
import { serverSeriesRows } from './telemetryRows.ts';
import { recordRows } from './timeRows.ts';

type Histograms = RunRecord['histograms'];

/** Keyed by the histograms object, which survives edits of a record's title, notes and tags. */
export const correctedSpectrum = perRecord((histograms: Histograms): SpectrumPoint[] => (histograms.correctedUs === null ? [] : spectrumPoints(histograms.correctedUs)));
export const uncorrectedSpectrum = perRecord((histograms: Histograms): SpectrumPoint[] => (histograms.uncorrectedUs === null ? [] : spectrumPoints(histograms.uncorrectedUs)));

/** The corrected spectrum with unanswered requests counted at their wait; null when the run has no unanswered histogram. */
export const unansweredSpectrum = perRecord((histograms: Histograms): BoundedSpectrumPoint[] | null =>
  histograms.correctedUs === null || histograms.unansweredUs === null || histograms.unansweredUs === undefined ? null : censoredSpectrumPoints(histograms.correctedUs, histograms.unansweredUs),
);

/** The histogram's spectrum, or the few percentiles an imported summary printed. */
export function bestSpectrum(record: Pick<RunRecord, 'histograms' | 'summary'>): SpectrumPoint[] {
  return record.histograms.correctedUs === null ? summarySpectrumPoints(record.summary.latencyUs) : correctedSpectrum(record.histograms);
}

export const timeRowsOf = perRecord((record: RunRecord) => recordRows(record));
export const serverRowsOf = perRecord((record: RunRecord) => serverSeriesRows(builtinServerPoints(record.serverSeries ?? [])));
export const processChartsOf = perRecord((record: RunRecord) => processCharts(record.serverSeries ?? []));

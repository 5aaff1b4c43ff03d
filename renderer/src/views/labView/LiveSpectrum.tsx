// The running run's percentile spectrum, corrected and uncorrected together, from the histograms
// of everything measured so far (each live sample carries them; about one a second).
import { memo, useMemo } from 'react';
import { spectrumPoints } from '../../../../common/chart/spectrum.ts';
import type { LiveRun } from '../../store/state.ts';
import { SpectrumChart, type SpectrumSeries } from '../../charts/SpectrumChart.tsx';
import { useChartPalette } from '../../theme/PaletteContext.tsx';
import { useThrottled } from './useThrottled.ts';

/** The spectrum decodes two whole-run histograms and redraws ~100 points: every few seconds is enough while a run goes. */
const SPECTRUM_REDRAW_MS = 5000;
/** Not drawn again while its series are the same (the live run changes every second). */
const LiveSpectrumChart = memo(SpectrumChart);

export function LiveSpectrum({ live }: { live: LiveRun }) {
  const palette = useChartPalette();
  const spectrum = useThrottled(live.spectrum, SPECTRUM_REDRAW_MS, false, live.runId);
  const maxMode = live.params?.mode === 'max';
  const series = useMemo((): SpectrumSeries[] => {
    if (spectrum === null) return [];
    const lines: SpectrumSeries[] = [{ key: 'corrected', label: maxMode ? 'latency' : 'corrected (from the schedule)', color: palette.series[0] ?? palette.fg, points: spectrumPoints(spectrum.correctedUs) }];
    if (spectrum.uncorrectedUs !== null) lines.push({ key: 'uncorrected', label: 'uncorrected (from the send)', color: palette.series[1] ?? palette.fg, dash: '6 3', points: spectrumPoints(spectrum.uncorrectedUs) });
    return lines;
  }, [spectrum, maxMode, palette]);
  return (
    <div className="saved-spectrum">
      <LiveSpectrumChart series={series} note="everything so far, updated every few seconds" empty="The spectrum appears with the first sample." />
    </div>
  );
}

// The finished run's percentile spectrum, from its saved record (the whole run, exactly as kept).
import { useEffect, useMemo } from 'react';
import { correctedSpectrum, uncorrectedSpectrum } from '../../charts/shape/recordCharts.ts';
import type { RunHeader } from '../../../../common/runHeader.ts';
import { SpectrumChart } from '../../charts/SpectrumChart.tsx';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { useChartPalette } from '../../theme/PaletteContext.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';

export function SavedRunSpectrum({ header }: { header: RunHeader }) {
  const record = useLab((state) => state.records[header.id]);
  const { loadRecord } = useActions();
  const palette = useChartPalette();
  useEffect(() => {
    void loadRecord(header.id);
  }, [header.id, loadRecord]);
  const series = useMemo(() => {
    if (record === undefined) return [];
    const lines = [];
    if (record.histograms.correctedUs !== null) lines.push({ key: 'corrected', label: record.load.mode === 'max' ? 'latency' : 'corrected (from the schedule)', color: palette.series[0] ?? palette.fg, points: correctedSpectrum(record.histograms) });
    if (record.histograms.uncorrectedUs !== null) lines.push({ key: 'uncorrected', label: 'uncorrected (from the send)', color: palette.series[1] ?? palette.fg, dash: '6 3', points: uncorrectedSpectrum(record.histograms) });
    return lines;
  }, [record, palette]);
  return (
    <div className="saved-spectrum">
      <SpectrumChart series={series} note="of the saved run" empty={record === undefined ? 'Reading the saved run…' : 'No latencies recorded.'} />
      <ErrorNote place="record" prefix="Could not read the saved run:" />
    </div>
  );
}

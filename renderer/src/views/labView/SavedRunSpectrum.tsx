// The finished run's percentile spectrum, from its saved record (the whole run, exactly as kept).
import { useEffect, useMemo } from 'react';
import { runSpectrumSeries } from '../../charts/runSpectrumSeries.ts';
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
  const series = useMemo(() => (record === undefined ? [] : runSpectrumSeries(record, palette)), [record, palette]);
  const bounded = series.some((line) => line.lowerBound === true);
  return (
    <div className="saved-spectrum">
      <SpectrumChart series={series} note={bounded ? 'of the saved run; unanswered requests counted at their wait (dashed: ≥)' : 'of the saved run'} empty={record === undefined ? 'Reading the saved run…' : 'No latencies recorded.'} />
      <ErrorNote place="record" prefix="Could not read the saved run:" />
    </div>
  );
}

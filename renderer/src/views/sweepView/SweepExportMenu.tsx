// Export one sweep (its curve, table and knee) in one of its formats; the files arrive as downloads.
import { useId, useState } from 'react';
import type { SweepExportFormat } from '../../../../common/labApi.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';

const FORMATS: { value: SweepExportFormat; label: string }[] = [
  { value: 'html', label: 'HTML report with the curve' },
  { value: 'md', label: 'Markdown (journal style)' },
  { value: 'json', label: 'JSON (entry and step summaries)' },
  { value: 'csv', label: 'CSV (a row per step)' },
];

export function SweepExportMenu({ id }: { id: string }) {
  const [format, setFormat] = useState<SweepExportFormat>('html');
  const busy = useLab((state) => state.busy.export === true);
  const { exportExperiment } = useActions();
  const selectId = useId();
  return (
    <span className="export-menu">
      <label htmlFor={selectId} className="visually-hidden">
        Sweep export format
      </label>
      <select id={selectId} value={format} onChange={(event) => setFormat(event.target.value as SweepExportFormat)}>
        {FORMATS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void exportExperiment(id, format)} disabled={busy}>
        {busy ? 'Exporting…' : 'Export sweep'}
      </button>
    </span>
  );
}

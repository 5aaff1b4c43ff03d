// Export runs in one of the journal's formats; the files arrive as downloads.
import { useId, useState } from 'react';
import type { ExportFormat } from '../../../common/labApi.ts';
import type { CompareGroup } from '../store/groupRuns.ts';
import { useActions, useLab } from '../store/LabContext.tsx';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'md', label: 'Markdown (journal style)' },
  { value: 'html', label: 'HTML report with charts' },
  { value: 'json', label: 'JSON run records' },
  { value: 'csv', label: 'CSV (runs, series)' },
  { value: 'hlog', label: 'HdrHistogram log (.hlog)' },
];

/** `groups`: how Compare groups the runs, for the export's comparison; without it each run is alone. */
export function ExportMenu({ ids, label = 'Export', groups }: { ids: readonly string[]; label?: string; groups?: readonly CompareGroup[] }) {
  const [format, setFormat] = useState<ExportFormat>('md');
  const busy = useLab((state) => state.busy.export === true);
  const { exportRuns } = useActions();
  const id = useId();
  return (
    <span className="export-menu">
      <label htmlFor={id} className="visually-hidden">
        Export format
      </label>
      <select id={id} value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)} disabled={ids.length === 0}>
        {FORMATS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void exportRuns(ids, format, groups)} disabled={ids.length === 0 || busy}>
        {busy ? 'Exporting…' : `${label}${ids.length > 1 ? ` ${ids.length} runs` : ''}`}
      </button>
    </span>
  );
}

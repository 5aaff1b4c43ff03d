// The run page's head: back to the list, the title (editable), badges, tags, and actions.
import * as figures from '../../format/figures.ts';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { ExportMenu } from '../../ui/ExportMenu.tsx';
import { sourceLabel } from './runFacts.ts';
import { TagsEditor } from './TagsEditor.tsx';
import { TitleEditor } from './TitleEditor.tsx';

export function RunPageHead({ record }: { record: RunRecord }) {
  const picked = useLab((state) => state.selection.includes(record.id));
  const { navigate, toggleSelect, deleteRun } = useActions();
  const source = sourceLabel(record);
  return (
    <header className="panel run-head">
      <div className="run-head-top">
        <button type="button" className="link" onClick={() => navigate({ name: 'journal', runId: null })}>
          ← Journal
        </button>
        <div className="run-actions">
          <label className="check">
            <input type="checkbox" checked={picked} onChange={() => toggleSelect(record.id)} /> pick for compare / export
          </label>
          <ExportMenu ids={[record.id]} />
          <button type="button" className="danger" onClick={() => void deleteRun(record.id)}>
            Delete
          </button>
        </div>
      </div>
      <TitleEditor record={record} />
      <p className="run-subtitle">
        {source !== null && <span className="badge">{source}</span>}
        {record.server.kind === 'builtin' && <span className="badge model">{record.server.model}</span>}
        {record.stoppedEarly === true && <span className="badge warn">stopped early</span>}
        <span className="muted">
          {record.target.method} <code>{record.target.url}</code> · {record.startedAt !== null ? `started ${figures.dateTime(record.startedAt)}` : record.source?.importedAt !== undefined ? `imported ${figures.dateTime(record.source.importedAt)}` : 'start time unknown'} · id <code>{record.id}</code>
        </span>
      </p>
      <TagsEditor record={record} />
      <ErrorNote place="update" prefix="Could not save:" />
      <ErrorNote place="export" prefix="Export:" />
    </header>
  );
}

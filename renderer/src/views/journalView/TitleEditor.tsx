// The run's title: click to edit, Enter or leaving the field saves, Escape cancels.
import { useState } from 'react';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { useActions } from '../../store/LabContext.tsx';

export function TitleEditor({ record }: { record: RunRecord }) {
  const [draft, setDraft] = useState<string | null>(null);
  const { updateRun } = useActions();
  const save = (): void => {
    if (draft !== null && draft.trim() !== record.title) void updateRun(record.id, { title: draft.trim() });
    setDraft(null);
  };
  if (draft === null) {
    return (
      <h1 className="run-title-h">
        <button type="button" className="title-button" onClick={() => setDraft(record.title)} title="Edit the title">
          {record.title || '(untitled)'} <span className="edit-hint">edit</span>
        </button>
      </h1>
    );
  }
  return (
    <input
      className="title-input"
      aria-label="Title"
      value={draft}
      // The field appears because the person asked to edit: focus belongs there.
      autoFocus
      maxLength={500}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
        if (event.key === 'Escape') {
          event.preventDefault();
          setDraft(null);
        }
      }}
    />
  );
}

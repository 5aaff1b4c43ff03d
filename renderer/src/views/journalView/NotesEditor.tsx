// Notes in Markdown: rendered safely, edited in place, saved to the journal.
import { useState } from 'react';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useActions } from '../../store/LabContext.tsx';

export function NotesEditor({ record }: { record: RunRecord }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { updateRun } = useActions();
  const save = async (): Promise<void> => {
    if (draft === null) return;
    setSaving(true);
    const saved = await updateRun(record.id, { notes: draft });
    setSaving(false);
    if (saved) setDraft(null);
  };
  return (
    <section className="panel notes" aria-labelledby="notes-title">
      <header className="panel-head">
        <h2 id="notes-title">Notes</h2>
        {draft === null ? (
          <button type="button" onClick={() => setDraft(record.notes)}>
            {record.notes.trim() === '' ? 'Write notes' : 'Edit'}
          </button>
        ) : (
          <span className="button-row">
            <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => setDraft(null)} disabled={saving}>
              Cancel
            </button>
          </span>
        )}
      </header>
      {draft !== null ? (
        <div className="notes-edit">
          <textarea
            aria-label="Notes (Markdown)"
            value={draft}
            rows={Math.min(24, Math.max(8, draft.split('\n').length + 2))}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.stopPropagation();
                void save();
              }
              if (event.key === 'Escape') {
                event.preventDefault();
                setDraft(null);
              }
            }}
            placeholder="What changed, what you expected, what you saw. Markdown: # headings, **bold**, `code`, ``` blocks, - lists, [links](https://…)."
          />
          <div className="notes-preview" aria-label="Preview">
            <Markdown text={draft} />
          </div>
        </div>
      ) : record.notes.trim() === '' ? (
        <p className="muted">No notes yet. Say what changed since the last run and what you make of the numbers.</p>
      ) : (
        <Markdown text={record.notes} />
      )}
    </section>
  );
}

// What a journal entry's page (a sweep, a repeat) shows around its content: the way back to the
// journal, and while the entry is read, "Reading…" or why it could not be read.
import { useActions, useLab } from '../../store/LabContext.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';

export function BackToJournal() {
  const { navigate } = useActions();
  return (
    <button type="button" className="link" onClick={() => navigate({ name: 'journal', runId: null })}>
      ← Journal
    </button>
  );
}

/** The page of an entry not read yet: `what` names it ("the sweep", "the repeats"). */
export function ReadingEntry({ what }: { what: string }) {
  const failed = useLab((state) => state.errors.record);
  return (
    <section className="panel">
      <BackToJournal />
      <ErrorNote place="record" prefix={`Could not read ${what}:`} />
      {failed === undefined && <EmptyState title={`Reading ${what}…`} />}
    </section>
  );
}

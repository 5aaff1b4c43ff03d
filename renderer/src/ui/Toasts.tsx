// Notices at the bottom of the window: the last deletion, with Undo.
import { useActions, useLab } from '../store/LabContext.tsx';
import { ErrorNote } from './ErrorNote.tsx';

export function Toasts() {
  const deleted = useLab((state) => state.deleted);
  const { undoDelete, dismissDeleted } = useActions();
  return (
    <div className="toasts" aria-live="polite">
      <ErrorNote place="delete" prefix="Delete or undo failed:" />
      {deleted !== null && (
        <div className="toast">
          <span>
            Moved “{deleted.title}” to the journal’s trash.
          </span>
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
          <button type="button" className="link" onClick={dismissDeleted} aria-label="Dismiss">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

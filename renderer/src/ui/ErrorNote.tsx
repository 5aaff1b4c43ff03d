// An error shown where it happened, with a way to dismiss it.
import { useActions, useLab } from '../store/LabContext.tsx';
import type { Place } from '../store/state.ts';

export function ErrorNote({ place, prefix }: { place: Place; prefix?: string }) {
  const message = useLab((state) => state.errors[place]);
  const { dismissError } = useActions();
  if (message === undefined) return null;
  return (
    <div className="note error" role="alert">
      <span>
        {prefix !== undefined && <strong>{prefix} </strong>}
        {message}
      </span>
      <button type="button" className="link" onClick={() => dismissError(place)} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}

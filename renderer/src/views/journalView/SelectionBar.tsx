// What to do with the picked runs: compare them (2–6), export them, or clear the picks.
import { COMPARE_MAX, COMPARE_MIN } from '../../store/actions/compareActions.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { ExportMenu } from '../../ui/ExportMenu.tsx';

export function SelectionBar() {
  const selection = useLab((state) => state.selection);
  const { setSelection, navigate } = useActions();
  const canCompare = selection.length >= COMPARE_MIN && selection.length <= COMPARE_MAX;
  return (
    <div className="toolbar selection-bar" aria-live="polite">
      <span className="muted">{selection.length === 0 ? 'Tick runs to compare (2–6) or export.' : `${selection.length} picked`}</span>
      <button type="button" className="primary" disabled={!canCompare} onClick={() => navigate({ name: 'compare' })} title={canCompare ? 'Overlay their spectra and timelines' : `Pick ${COMPARE_MIN}–${COMPARE_MAX} runs`}>
        Compare
      </button>
      <ExportMenu ids={selection} />
      <button type="button" className="link" disabled={selection.length === 0} onClick={() => setSelection([])}>
        Clear
      </button>
    </div>
  );
}

// Run and Stop, with their keyboard shortcuts: Ctrl/Cmd+Enter runs, Escape stops.
import { useEffect } from 'react';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { useActions, useLab } from '../../store/LabContext.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunButtons({ blocked }: { blocked: boolean }) {
  const ownRunState = useLab((state) => state.run.state);
  const sweepState = useLab((state) => state.sweep.status.state);
  const repeatState = useLab((state) => state.repeat.status.state);
  // During a sweep or repeats the runs come and go between steps: their state is what counts.
  const runState = sweepState !== 'idle' ? sweepState : repeatState !== 'idle' ? repeatState : ownRunState;
  const starting = useLab((state) => state.busy.run === true);
  const unreachable = useLab((state) => state.unreachable);
  const { startRun, stopRun, dismissUnreachable } = useActions();

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void startRun();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        void stopRun();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startRun, stopRun]);

  return (
    <div className="run-buttons">
      <button type="button" className="primary big" onClick={() => void startRun()} disabled={blocked || starting || runState !== 'idle'} aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}>
        {starting ? 'Starting…' : runState === 'idle' ? 'Run' : 'Running…'} <kbd>{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
      </button>
      <button type="button" className="danger big" onClick={() => void stopRun()} disabled={runState !== 'running'} aria-keyshortcuts="Escape">
        {runState === 'stopping' ? 'Stopping…' : 'Stop'} <kbd>Esc</kbd>
      </button>
      {unreachable !== null && (
        <div className="note error target-unreachable" role="alert">
          <span>
            <strong>Not started:</strong> {unreachable.message}. Start the server, or change the URL.
          </span>
          <button type="button" className="link" onClick={() => void startRun({ insist: true })} disabled={starting || runState !== 'idle'}>
            Run anyway
          </button>
          <button type="button" className="link" onClick={dismissUnreachable}>
            Dismiss
          </button>
        </div>
      )}
      <ErrorNote place="run" prefix="Run:" />
    </div>
  );
}

// The repeats going now (or the last ones) beside the live view of the current run: progress run
// by run, the runs so far, and at the end the verdict with a link to the result page.
import { useActions, useLab } from '../../store/LabContext.tsx';
import { RepeatRunsTable } from '../repeatView/RepeatRunsTable.tsx';
import { RepeatVerdicts } from '../repeatView/RepeatVerdicts.tsx';

export function RepeatPanel() {
  const repeat = useLab((state) => state.repeat);
  const { openRun, openRepeat } = useActions();
  const { status, outcome } = repeat;
  const finished = outcome !== null && 'view' in outcome ? outcome : null;
  const groups = finished?.view.experiment.plan.groups ?? status.groups;
  const done = status.runs.length;
  const currentLabel = status.current === null || groups.length < 2 ? '' : ` · ${groups[status.current.group] ?? ''}`;
  const progress =
    status.state === 'idle'
      ? outcome === null
        ? ''
        : 'failed' in outcome
          ? `failed: ${outcome.failed}`
          : `ended after ${done} run${done === 1 ? '' : 's'}${finished?.view.experiment.endedEarly === 'stopped' ? ' (stopped)' : ''}`
      : `${status.state === 'stopping' ? 'stopping after this run · ' : ''}run ${Math.min(done + 1, status.total)} of ${status.total}${currentLabel}`;
  return (
    <section className="panel repeat-panel" aria-label="Repeats" data-state={status.state} data-runs={done}>
      <header className="panel-head">
        <h2>Repeats{groups.length > 1 ? `: ${groups.join(' vs ')}` : ''}</h2>
        <span className="sweep-progress" role="status">
          {progress}
        </span>
      </header>
      {done > 0 && <RepeatRunsTable runs={status.runs} groups={groups} onOpen={openRun} />}
      {finished !== null && (
        <>
          <RepeatVerdicts view={finished.view} />
          {finished.saveError === null ? (
            <button type="button" className="link" onClick={() => openRepeat(finished.view.experiment.id)}>
              Open the result page
            </button>
          ) : (
            <p className="note error">The runs were saved, but the repeat entry was not: {finished.saveError}</p>
          )}
        </>
      )}
    </section>
  );
}

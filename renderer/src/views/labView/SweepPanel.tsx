// The sweep going now (or the last one) beside the live view of its current step: the curve
// grows a point per step, the table under it; at the end the knee with its sentence.
import { SweepCurveChart } from '../../charts/SweepCurveChart.tsx';
import { rate } from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { SweepTable } from '../sweepView/SweepTable.tsx';

export function SweepPanel() {
  const sweep = useLab((state) => state.sweep);
  const { openRun, openExperiment } = useActions();
  const { status, outcome } = sweep;
  const finished = outcome !== null && 'view' in outcome ? outcome : null;
  const steps = status.steps;
  const planned = status.plannedRatesPerSec.length + (status.params?.refineSteps ?? 0);
  const kneePerSec = finished?.view.kneePerSec ?? null;
  return (
    <section className="panel sweep-panel" aria-label="Sweep" data-state={status.state} data-steps={steps.length}>
      <header className="panel-head">
        <h2>Sweep</h2>
        <span className="sweep-progress" role="status">
          {status.state === 'idle'
            ? outcome === null
              ? ''
              : 'failed' in outcome
                ? `failed: ${outcome.failed}`
                : `ended after ${steps.length} step${steps.length === 1 ? '' : 's'}${finished?.view.experiment.endedEarly === 'stopped' ? ' (stopped)' : finished?.view.experiment.endedEarly === 'gave-out' ? ' (the server gave out)' : ''}`
            : `${status.state === 'stopping' ? 'stopping after this step · ' : ''}step ${Math.min(steps.length + 1, planned)} of up to ${planned}${status.current === null ? '' : ` · ${rate(status.current.ratePerSec)} req/s${status.current.phase === 'warmup' ? ' (warm-up, not kept)' : ''}`}`}
        </span>
      </header>
      <SweepCurveChart steps={steps} kneePerSec={kneePerSec} />
      {finished !== null && (
        <p className="sweep-knee" data-testid="sweep-knee">
          <strong>{finished.view.kneeSummary.replace(/^./, (first) => first.toUpperCase())}.</strong>{' '}
          {finished.saveError === null ? (
            <button type="button" className="link" onClick={() => openExperiment(finished.view.experiment.id)}>
              Open the sweep in the journal
            </button>
          ) : (
            <span className="note error">The steps were saved as runs, but the sweep entry was not: {finished.saveError}</span>
          )}
        </p>
      )}
      {steps.length > 0 && <SweepTable steps={steps} kneePerSec={kneePerSec} onOpen={openRun} compact />}
    </section>
  );
}

// One sweep from the journal: its plan, the curve, the steps' table and the knee, recomputed
// by the lab from the runs that are still in the journal (deleted ones are named).
import { useEffect } from 'react';
import { SweepCurveChart } from '../../charts/SweepCurveChart.tsx';
import { dateTime, duration, rate } from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { BackToJournal, ReadingEntry } from '../journalView/JournalEntryFrame.tsx';
import { SweepExportMenu } from './SweepExportMenu.tsx';
import { SweepTable } from './SweepTable.tsx';

export function ExperimentPage({ id }: { id: string }) {
  const view = useLab((state) => state.experiments.views[id]);
  const picks = useLab((state) => state.sweepPicks);
  const otherPicks = picks.filter((pick) => pick !== id);
  const { loadExperiment, openRun, compareSweeps } = useActions();
  useEffect(() => {
    void loadExperiment(id);
  }, [id, loadExperiment]);
  if (view === undefined) return <ReadingEntry what="the sweep" />;
  const { experiment } = view;
  const { plan } = experiment;
  return (
    <article className="view experiment-page" aria-label={experiment.title}>
      <section className="panel">
        <BackToJournal />
        <h1>{experiment.title}</h1>
        <p className="muted">
          Sweep of {plan.url} · {dateTime(experiment.startedAt)} · -t{plan.threads} -c{plan.connections} · {duration(plan.stepDurationMs)} steps
          {plan.warmupMs === null ? '' : ` after ${duration(plan.warmupMs)} of warm-up`} · planned {plan.plannedRatesPerSec.map((perSec) => rate(perSec)).join(', ')} req/s
          {plan.refineSteps > 0 ? ` · up to ${plan.refineSteps} refine steps` : ''} · {plan.slo === null ? 'no SLO (p99 within 3× the lowest step’s)' : `SLO ${plan.slo}`}
          {experiment.endedEarly === 'gave-out' ? ' · ended where the server gave out' : experiment.endedEarly === 'stopped' ? ' · stopped early' : ''}
        </p>
        <p className="sweep-knee" data-testid="experiment-knee">
          <strong>{view.kneeSummary.replace(/^./, (first) => first.toUpperCase())}.</strong>
        </p>
        <div className="experiment-actions">
          <SweepExportMenu id={experiment.id} />
          <button type="button" onClick={() => compareSweeps([...otherPicks, experiment.id])} title="Overlay this sweep's curve with the other sweeps picked for Compare">
            {otherPicks.length === 0 ? 'Open in Compare' : `Compare with the ${otherPicks.length === 1 ? 'other picked sweep' : `${otherPicks.length} other picked sweeps`}`}
          </button>
        </div>
        <ErrorNote place="export" prefix="Export:" />
        {view.missing.length > 0 && (
          <p className="note warn">
            {view.missing.length} of the sweep’s runs are no longer in the journal ({view.missing.join(', ')}); the curve and the knee are from the others.
          </p>
        )}
      </section>
      <section className="panel">
        <SweepCurveChart steps={view.steps} kneePerSec={view.kneePerSec} height={320} />
      </section>
      <section className="panel">
        <SweepTable steps={view.steps} kneePerSec={view.kneePerSec} onOpen={openRun} />
      </section>
    </article>
  );
}

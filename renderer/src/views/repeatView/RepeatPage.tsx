// One repeat from the journal: its plan, its runs in the order they ran, and the verdict with its
// interval (or the spread of one configuration), recomputed by the lab from the runs still there.
import { useEffect } from 'react';
import { dateTime } from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { BackToJournal, ReadingEntry } from '../journalView/JournalEntryFrame.tsx';
import { RepeatRunsTable } from './RepeatRunsTable.tsx';
import { RepeatVerdicts } from './RepeatVerdicts.tsx';

export function RepeatPage({ id }: { id: string }) {
  const view = useLab((state) => state.repeat.views[id]);
  const { loadRepeat, openRun } = useActions();
  useEffect(() => {
    void loadRepeat(id);
  }, [id, loadRepeat]);
  if (view === undefined) return <ReadingEntry what="the repeats" />;
  const { experiment } = view;
  const { plan } = experiment;
  const alternated = plan.groups.length > 1;
  return (
    <article className="view repeat-page" aria-label={experiment.title}>
      <section className="panel">
        <BackToJournal />
        <h1>{experiment.title}</h1>
        <p className="muted">
          {plan.repeats} repeats of a {plan.mode === 'max' ? 'max-mode' : 'constant-rate'} run against {plan.url} · {dateTime(experiment.startedAt)}
          {alternated ? ` · alternated ${plan.groups.join(' / ')} (A B A B)` : ` · ${plan.groups[0] ?? ''}`}
          {experiment.endedEarly === 'stopped' ? ' · stopped early' : ''}
        </p>
        {view.missing.length > 0 && (
          <p className="note warn">
            {view.missing.length} of its runs are no longer in the journal ({view.missing.join(', ')}); the verdict is from the others.
          </p>
        )}
        <RepeatVerdicts view={view} />
      </section>
      <section className="panel">
        <h2>Runs, in the order they ran</h2>
        <RepeatRunsTable runs={view.runs} groups={plan.groups} onOpen={openRun} />
      </section>
    </article>
  );
}

// The journal's runs, newest first: search, filter by tag, model, server profile and commit, pick
// runs to compare or export, open one.
import { useMemo, useState } from 'react';
import * as figures from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { newestFirst } from '../../store/selectors.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { buildsInUse, filterRuns, modelsInUse, noFilter, profilesInUse, tagsInUse, type RunFilter } from './filterRuns.ts';
import { RunFilters } from './RunFilters.tsx';
import { RunRow } from './RunRow.tsx';
import { SelectionBar } from './SelectionBar.tsx';

/** Rows rendered before "Show more": enough for a screenful and fast with thousands of runs. */
const PAGE = 200;

export function RunList() {
  const journal = useLab((state) => state.journal);
  const folder = useLab((state) => state.appInfo?.journalDir ?? null);
  const selection = useLab((state) => state.selection);
  const { navigate } = useActions();
  const [filter, setFilter] = useState<RunFilter>(noFilter);
  const [shown, setShown] = useState(PAGE);
  const sorted = useMemo(() => newestFirst(journal.runs), [journal.runs]);
  const matching = useMemo(() => filterRuns(sorted, filter), [sorted, filter]);
  const tags = useMemo(() => tagsInUse(sorted), [sorted]);
  const models = useMemo(() => modelsInUse(sorted), [sorted]);
  const profiles = useMemo(() => profilesInUse(sorted), [sorted]);
  const builds = useMemo(() => buildsInUse(sorted, filter.profile), [sorted, filter.profile]);

  return (
    <section className="panel run-list" aria-labelledby="journal-title">
      <header className="panel-head">
        <h2 id="journal-title">
          Journal <span className="muted">{journal.loaded ? `${matching.length} of ${journal.runs.length} runs` : 'reading…'}</span>
        </h2>
        {folder !== null && (
          <span className="muted small" title="The journal is a folder of plain JSON files, one per run">
            folder <code>{folder}</code>
          </span>
        )}
      </header>
      {journal.runs.length > 0 && (
        <>
          <RunFilters filter={filter} setFilter={setFilter} tags={tags} models={models} profiles={profiles} builds={builds} />
          <SelectionBar />
        </>
      )}
      <ErrorNote place="journal" prefix="Journal:" />
      <ErrorNote place="export" prefix="Export:" />
      {journal.problems.length > 0 && (
        <details className="note warn">
          <summary>{journal.problems.length} file(s) in the journal folder could not be read; they are left as they are.</summary>
          <ul>
            {journal.problems.map((problem) => (
              <li key={problem.file}>
                <code>{problem.file}</code>: {problem.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {journal.loaded && journal.runs.length === 0 ? (
        <EmptyState title="The journal is empty">
          Run something from the <button type="button" className="link" onClick={() => navigate({ name: 'lab' })}>Lab</button> — every run is saved here — or import reports: wrk, wrk2,
          httperf or autocannon output, a Markdown journal like the seed, HdrHistogram logs.
        </EmptyState>
      ) : matching.length === 0 && journal.loaded ? (
        <EmptyState title="No run matches">Clear the search or the filters to see all {journal.runs.length} runs.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="runs">
            <thead>
              <tr>
                <th scope="col" className="pick">
                  <span className="visually-hidden">Pick</span>
                </th>
                <th scope="col">Run</th>
                <th scope="col">Started</th>
                <th scope="col">Load</th>
                <th scope="col" className="num">req/s</th>
                <th scope="col" className="num">p50</th>
                <th scope="col" className="num">p99</th>
                <th scope="col" className="num">max</th>
                <th scope="col" className="num">errors</th>
              </tr>
            </thead>
            <tbody>
              {matching.slice(0, shown).map((run) => (
                <RunRow key={run.id} run={run} picked={selection.includes(run.id)} />
              ))}
            </tbody>
          </table>
          {matching.length > shown && (
            <button type="button" className="show-more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, matching.length - shown)} more of {figures.count(matching.length - shown)}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

// The journal's runs, newest first: search, filter by tag and model, pick runs to compare or
// export, open one.
import { useId, useMemo, useState } from 'react';
import * as figures from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { newestFirst } from '../../store/selectors.ts';
import { COMPARE_MAX, COMPARE_MIN } from '../../store/actions/compareActions.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { ExportMenu } from '../../ui/ExportMenu.tsx';
import { filterRuns, modelsInUse, noFilter, tagsInUse, type RunFilter } from './filterRuns.ts';
import { RunRow } from './RunRow.tsx';

/** Rows rendered before "Show more": enough for a screenful and fast with thousands of runs. */
const PAGE = 200;

export function RunList() {
  const journal = useLab((state) => state.journal);
  const folder = useLab((state) => state.appInfo?.journalDir ?? null);
  const selection = useLab((state) => state.selection);
  const { setSelection, navigate } = useActions();
  const [filter, setFilter] = useState<RunFilter>(noFilter);
  const [shown, setShown] = useState(PAGE);
  const ids = { search: useId(), tag: useId(), model: useId() };
  const sorted = useMemo(() => newestFirst(journal.runs), [journal.runs]);
  const matching = useMemo(() => filterRuns(sorted, filter), [sorted, filter]);
  const tags = useMemo(() => tagsInUse(sorted), [sorted]);
  const models = useMemo(() => modelsInUse(sorted), [sorted]);
  const canCompare = selection.length >= COMPARE_MIN && selection.length <= COMPARE_MAX;

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
      <div className="toolbar">
        <label htmlFor={ids.search} className="grow">
          <span className="visually-hidden">Search</span>
          <input id={ids.search} type="search" placeholder="Search title, URL, model, tool, tag…" value={filter.text} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
        </label>
        <label htmlFor={ids.tag} className="inline">
          Tag
          <select id={ids.tag} value={filter.tag} onChange={(event) => setFilter({ ...filter, tag: event.target.value })}>
            <option value="">any</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.model} className="inline">
          Model
          <select id={ids.model} value={filter.model} onChange={(event) => setFilter({ ...filter, model: event.target.value })}>
            <option value="">any</option>
            {models.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
            <option value="external">not built-in</option>
          </select>
        </label>
      </div>
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

// Import reports into the journal: a file picker, or files dropped anywhere on the journal view.
import { useId, useRef } from 'react';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';

export function ImportPanel() {
  const summary = useLab((state) => state.importSummary);
  const busy = useLab((state) => state.busy.import === true);
  const runs = useLab((state) => state.journal.runs);
  const { importFiles, dismissImport, openRun } = useActions();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <section className="panel import-panel" aria-labelledby={`${id}-title`}>
      <div className="import-row">
        <h2 id={`${id}-title`}>Import</h2>
        <label htmlFor={id} className="button">
          {busy ? 'Importing…' : 'Choose files…'}
        </label>
        <span className="hint">
          or drop them on this page: wrk, wrk2, httperf or autocannon output, Loadlab run records (.json), HdrHistogram logs (.hlog), or a Markdown journal with those outputs in code blocks.
        </span>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          className="visually-hidden"
          disabled={busy}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            void importFiles(files).then(() => {
              if (input.current !== null) input.current.value = '';
            });
          }}
        />
      </div>
      <ErrorNote place="import" prefix="Import:" />
      {summary !== null && (
        <div className="import-summary" role="status">
          <p>
            <strong>{summary.added.length}</strong> run{summary.added.length === 1 ? '' : 's'} added, <strong>{summary.existing.length}</strong> already in the journal
            {summary.refused.length > 0 && (
              <>
                , <strong className="bad">{summary.refused.length}</strong> run{summary.refused.length === 1 ? '' : 's'} refused
              </>
            )}
            {summary.errors.length > 0 && (
              <>
                , <strong className="bad">{summary.errors.length}</strong> file{summary.errors.length === 1 ? '' : 's'} not read
              </>
            )}
            .{' '}
            <button type="button" className="link" onClick={dismissImport}>
              Dismiss
            </button>
          </p>
          {summary.added.length > 0 && (
            <ul className="import-added">
              {summary.added.slice(0, 12).map((header) => (
                <li key={header.id}>
                  <button type="button" className="link" onClick={() => openRun(header.id)} disabled={!runs.some((run) => run.id === header.id)}>
                    {header.title}
                  </button>
                  {header.sourceTool !== null && <span className="badge">{header.sourceTool}</span>}
                </li>
              ))}
              {summary.added.length > 12 && <li className="muted">and {summary.added.length - 12} more</li>}
            </ul>
          )}
          {summary.refused.length + summary.errors.length + summary.warnings.length > 0 && (
            <ul className="import-problems">
              {summary.refused.map((run) => (
                <li key={`r${run.file}${run.runId ?? ''}${run.message}`} className="bad">
                  <code>{run.file}</code>: run <code>{run.runId ?? '(no id)'}</code> refused: {run.message}
                </li>
              ))}
              {summary.errors.map((error) => (
                <li key={`e${error.file}${error.message}`} className="bad">
                  <code>{error.file}</code>: {error.message}
                </li>
              ))}
              {summary.warnings.map((warning) => (
                <li key={`w${warning.file}${warning.message}`} className="warn">
                  <code>{warning.file}</code>: {warning.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

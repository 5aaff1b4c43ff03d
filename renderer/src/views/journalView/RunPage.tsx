// One run: what it was, what it measured, how it looked over time, the server's side, its report,
// notes and tags. Every figure comes from the record; unknown ones say so.
import { useEffect } from 'react';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { ConfigSection } from './ConfigSection.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { ReportSection } from './ReportSection.tsx';
import { RunCharts } from './RunCharts.tsx';
import { RunPageHead } from './RunPageHead.tsx';
import { missingFacts } from './runFacts.ts';
import { ErrorDiagnosisNote } from './ErrorDiagnosisNote.tsx';
import { SummarySection } from './SummarySection.tsx';
import { TlsSection } from './TlsSection.tsx';

export function RunPage({ runId }: { runId: string }) {
  const record = useLab((state) => state.records[runId]);
  const failed = useLab((state) => state.errors.record);
  const { loadRecord, navigate } = useActions();
  useEffect(() => {
    void loadRecord(runId);
  }, [runId, loadRecord]);

  if (record === undefined) {
    return (
      <section className="panel">
        <button type="button" className="link" onClick={() => navigate({ name: 'journal', runId: null })}>
          ← Journal
        </button>
        <ErrorNote place="record" prefix="Could not read the run:" />
        {failed === undefined && <EmptyState title="Reading the run…" />}
      </section>
    );
  }
  const missing = missingFacts(record);
  return (
    <article className="run-page" aria-label={record.title}>
      <RunPageHead record={record} />
      {missing.length > 0 && (
        <div className="note info">
          <strong>{record.source === undefined ? 'Not in this record:' : `Imported from ${record.source.tool}; not in the report:`}</strong>
          <ul className="inline-list">
            {missing.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorDiagnosisNote record={record} />
      <SummarySection record={record} />
      <TlsSection record={record} />
      <RunCharts record={record} />
      <div className="run-columns">
        <NotesEditor record={record} />
        <ConfigSection record={record} />
      </div>
      <ReportSection record={record} />
    </article>
  );
}

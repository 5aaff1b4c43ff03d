// Finished runs the journal did not take (read-only, full): shown on every view until saved or
// discarded, each with why, where its fallback copy is, Retry and "Download record (.json)".
import type { UnsavedRun } from '../../../common/labApi.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { useActions, useLab } from '../store/LabContext.tsx';

export function UnsavedRunsBanner() {
  const unsaved = useLab((state) => state.unsaved);
  if (unsaved.length === 0) return null;
  return (
    <section className="note error unsaved-runs" role="alert" aria-labelledby="unsaved-title">
      <h2 id="unsaved-title">
        {unsaved.length === 1 ? 'A finished run was not saved in the journal' : `${unsaved.length} finished runs were not saved in the journal`}
      </h2>
      <p>The lab keeps each record until it is saved. Retry once the journal can be written, or download the record; a copy is also in the file named below.</p>
      <ul>
        {unsaved.map((run) => (
          <UnsavedRunItem key={run.header.id} run={run} />
        ))}
      </ul>
      <ErrorNote place="save" />
    </section>
  );
}

function UnsavedRunItem({ run }: { run: UnsavedRun }) {
  const { retrySave, downloadUnsaved, discardUnsaved } = useActions();
  const busy = useLab((state) => state.busy.save === true);
  return (
    <li className="unsaved-run">
      <div>
        <strong>{run.header.title}</strong> <code>{run.header.id}</code>
      </div>
      <div>
        Not saved: <span className="unsaved-reason">{run.reason}</span>
      </div>
      <div>
        {run.fallbackPath !== null ? (
          <>
            Copy kept at <code className="unsaved-path">{run.fallbackPath}</code>
          </>
        ) : (
          <>No copy on disk either ({run.fallbackError ?? 'unknown reason'}): download the record before closing the lab.</>
        )}
      </div>
      <div className="unsaved-actions">
        <button type="button" onClick={() => void retrySave(run.header.id)} disabled={busy}>
          Retry
        </button>
        <button type="button" onClick={() => void downloadUnsaved(run.header.id)}>
          Download record (.json)
        </button>
        <button type="button" className="link" onClick={() => void discardUnsaved(run.header.id)} title="Forget it here; the copy on disk stays">
          Discard
        </button>
      </div>
    </li>
  );
}

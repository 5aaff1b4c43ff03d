// The journal: the list (with import) or one run's page. Files dropped anywhere here are imported.
import { useState, type DragEvent } from 'react';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { RunList } from './RunList.tsx';
import { RunPage } from './RunPage.tsx';

function hasFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

export function JournalView({ runId }: { runId: string | null }) {
  const { importFiles } = useActions();
  const [dragging, setDragging] = useState(false);
  const importing = useLab((state) => state.busy.import === true);
  return (
    <div
      className={`view journal-view${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        void importFiles([...event.dataTransfer.files]);
      }}
    >
      {dragging && <div className="drop-overlay">Drop to import{importing ? ' (busy)' : ''}</div>}
      {runId === null ? (
        <>
          <ImportPanel />
          <RunList />
        </>
      ) : (
        <RunPage runId={runId} />
      )}
    </div>
  );
}

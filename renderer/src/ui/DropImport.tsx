// Files dropped anywhere in the window are imported into the journal, whatever view is shown (the
// listeners are on the window, so a drop on the navigation does not open the file instead). Off
// the journal list, the list opens afterwards so its import summary can be seen.
import { useEffect, useState } from 'react';
import { useActions, useLab } from '../store/LabContext.tsx';

function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

export function DropImport() {
  const { importFiles, navigate } = useActions();
  const [dragging, setDragging] = useState(false);
  const importing = useLab((state) => state.busy.import === true);
  const onJournalList = useLab((state) => state.view.name === 'journal' && state.view.runId === null);

  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    // relatedTarget null: the pointer left the window (moving between elements names the next one).
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      void importFiles(files).then(() => {
        if (!onJournalList) navigate({ name: 'journal', runId: null });
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles, navigate, onJournalList]);

  return dragging ? <div className="drop-overlay">Drop to import into the journal{importing ? ' (busy)' : ''}</div> : null;
}

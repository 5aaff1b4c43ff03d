// The journal: the list (with import) or one run's page. Files dropped anywhere in the window are
// imported (ui/DropImport.tsx).
import { ImportPanel } from './ImportPanel.tsx';
import { RunList } from './RunList.tsx';
import { RunPage } from './RunPage.tsx';
import { SweepList } from '../sweepView/SweepList.tsx';
import { RepeatList } from '../repeatView/RepeatList.tsx';

export function JournalView({ runId }: { runId: string | null }) {
  return (
    <div className="view journal-view">
      {runId === null ? (
        <>
          <ImportPanel />
          <SweepList />
          <RepeatList />
          <RunList />
        </>
      ) : (
        <RunPage runId={runId} />
      )}
    </div>
  );
}

// The window: navigation on the left (Lab, Journal, Compare), the chosen view on the right,
// notices at the bottom. `App` owns the store for one lab connection.
import { useEffect, useState, type ReactNode } from 'react';
import type { LabApi } from '../../common/labApi.ts';
import { createLab } from './store/createLab.ts';
import { LabProvider, useLab } from './store/LabContext.tsx';
import { PaletteProvider } from './theme/PaletteContext.tsx';
import { DropImport } from './ui/DropImport.tsx';
import { Toasts } from './ui/Toasts.tsx';
import { CompareView } from './views/compareView/CompareView.tsx';
import { JournalView } from './views/journalView/JournalView.tsx';
import { LabView } from './views/labView/LabView.tsx';
import { ExperimentPage } from './views/sweepView/ExperimentPage.tsx';
import { RepeatPage } from './views/repeatView/RepeatPage.tsx';
import { Nav } from './views/Nav.tsx';
import { UnsavedRunsBanner } from './views/UnsavedRunsBanner.tsx';

export function App({ api }: { api: LabApi }) {
  const [lab] = useState(() => createLab(api));
  useEffect(() => lab.start(), [lab]);
  return (
    <LabProvider lab={lab}>
      <PaletteProvider>
        <div className="app">
          <Nav />
          <main className="main" id="main">
            <ConnectionBanner />
            <UnsavedRunsBanner />
            <CurrentView />
          </main>
          <DropImport />
          <Toasts />
        </div>
      </PaletteProvider>
    </LabProvider>
  );
}

function CurrentView() {
  const view = useLab((state) => state.view);
  switch (view.name) {
    case 'lab':
      return <LabView />;
    case 'journal':
      return <JournalView runId={view.runId} />;
    case 'compare':
      return <CompareView />;
    case 'experiment':
      return <ExperimentPage id={view.id} />;
    case 'repeat':
      return <RepeatPage id={view.id} />;
  }
}

/** While the WebSocket to `loadlab web` is down: what happens and what still works. */
function ConnectionBanner() {
  const connection = useLab((state) => state.connection);
  if (connection.state !== 'reconnecting') return null;
  return (
    <p className="note warn connection-banner" role="status">
      <strong>{connection.message}</strong> Until it is back, buttons that ask the lab fail. A run in progress is not lost: the lab saves it either way. If
      loadlab web was stopped, start it again and open the new address it prints (each start has a new token).
    </p>
  );
}

/** Shown instead of the app when the lab cannot be reached at all. */
export function ConnectionFailed({ message }: { message: string }) {
  return (
    <Shell>
      <h1>Loadlab</h1>
      <p className="note error">{message}</p>
      <p className="muted">Start it with <code>loadlab web</code> and open the address it prints, or use the desktop app.</p>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <main className="shell">{children}</main>;
}

import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, LabApi } from '../../common/labApi.ts';

type InfoState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: AppInfo }
  | { kind: 'failed'; message: string };

export function App({ api }: { api: LabApi }) {
  return (
    <Shell>
      <AppInfoPanel api={api} />
    </Shell>
  );
}

/** Shown instead of the app when the lab cannot be reached at all. */
export function ConnectionFailed({ message }: { message: string }) {
  return (
    <Shell>
      <p className="notice error">{message}</p>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <main className="app">
      <header className="app-header">
        <h1>Loadlab</h1>
        <p className="tagline">A desktop lab for HTTP server performance.</p>
      </header>
      {children}
    </main>
  );
}

function AppInfoPanel({ api }: { api: LabApi }) {
  const [state, setState] = useState<InfoState>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    api.call('app.info', {}).then(
      (info) => {
        if (current) setState({ kind: 'ready', info });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [api]);

  switch (state.kind) {
    case 'loading':
      return <p className="notice">Reading app info…</p>;
    case 'failed':
      return <p className="notice error">Could not read app info: {state.message}</p>;
    case 'ready':
      return (
        <dl className="app-info">
          <dt>Loadlab</dt>
          <dd>{state.info.version}</dd>
          <dt>Host</dt>
          <dd>{state.info.host === 'electron' ? `Electron ${state.info.electron ?? ''}` : 'loadlab web (browser)'}</dd>
          <dt>Node.js</dt>
          <dd>{state.info.node}</dd>
          <dt>Journal</dt>
          <dd>{state.info.journalDir}</dd>
        </dl>
      );
  }
}

import { useEffect, useState } from 'react';
import type { AppInfo, LoadlabApi } from '../../common/appApi.ts';

type InfoState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: AppInfo }
  | { kind: 'failed'; message: string };

export function App({ api }: { api: LoadlabApi | undefined }) {
  return (
    <main className="app">
      <header className="app-header">
        <h1>Loadlab</h1>
        <p className="tagline">A desktop lab for HTTP server performance.</p>
      </header>
      {api === undefined ? (
        <p className="notice">Running outside Electron: the desktop bridge is not available here.</p>
      ) : (
        <AppInfoPanel api={api} />
      )}
    </main>
  );
}

function AppInfoPanel({ api }: { api: LoadlabApi }) {
  const [state, setState] = useState<InfoState>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    api.appInfo().then(
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
          <dt>Electron</dt>
          <dd>{state.info.electron}</dd>
          <dt>Node.js</dt>
          <dd>{state.info.node}</dd>
        </dl>
      );
  }
}

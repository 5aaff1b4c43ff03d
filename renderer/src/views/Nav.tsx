// The left navigation: the three views, and what the lab is doing right now.
import { useLab, useActions } from '../store/LabContext.tsx';
import type { View } from '../store/state.ts';

export function Nav() {
  // A sweep's page belongs to the journal.
  const view = useLab((state) => (state.view.name === 'experiment' || state.view.name === 'repeat' ? 'journal' : state.view.name));
  // Between a sweep's steps no run goes, but the lab is busy: say so.
  const runState = useLab((state) => (state.sweep.status.state !== 'idle' ? state.sweep.status.state : state.run.state));
  const runs = useLab((state) => state.journal.runs.length);
  const picked = useLab((state) => state.selection.length);
  const server = useLab((state) => state.server);
  const info = useLab((state) => state.appInfo);
  const connection = useLab((state) => state.connection);
  const { navigate } = useActions();
  const items: { view: View; label: string; badge: string | null }[] = [
    { view: { name: 'lab' }, label: 'Lab', badge: runState === 'idle' ? null : runState },
    { view: { name: 'journal', runId: null }, label: 'Journal', badge: String(runs) },
    { view: { name: 'compare' }, label: 'Compare', badge: picked === 0 ? null : String(picked) },
  ];
  return (
    <nav className="nav" aria-label="Views">
      <div className="brand">Loadlab</div>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <button type="button" className={view === item.view.name ? 'current' : undefined} aria-current={view === item.view.name ? 'page' : undefined} onClick={() => navigate(item.view)}>
              <span>{item.label}</span>
              {item.badge !== null && <span className={`nav-badge${item.badge === 'running' || item.badge === 'stopping' ? ' live' : ''}`}>{item.badge}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div className="nav-foot">
        <div className={`nav-status ${server.state}`}>
          <span className="dot" aria-hidden="true" />
          server {server.state === 'running' && server.settings !== null ? server.settings.model : server.state}
        </div>
        {connection.state === 'failed' && <div className="nav-status bad">lab unreachable</div>}
        {info !== null && (
          <div className="muted small" title={info.journalDir}>
            v{info.version} · {info.host === 'web' ? 'loadlab web' : `Electron ${info.electron ?? ''}`}
          </div>
        )}
      </div>
    </nav>
  );
}

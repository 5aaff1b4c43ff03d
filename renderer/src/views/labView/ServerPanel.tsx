// The built-in server: model, workers, keep-alive, port; start and stop; status; the latest
// telemetry as figures (the charts are below, on the run's time axis while a run goes).
import { useId } from 'react';
import { serverModels, type ServerModel } from '../../../../common/serverTelemetry.ts';
import { modelLabel } from '../../loadForm/presets.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { usesWorkers } from '../../store/serverPlan.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { ServerFigures } from './ServerFigures.tsx';

export function ServerPanel() {
  const form = useLab((state) => state.serverForm);
  const server = useLab((state) => state.server);
  const busy = useLab((state) => state.busy.server === true);
  const runGoing = useLab((state) => state.run.state !== 'idle');
  const { setServerForm, startServer, stopServer } = useActions();
  const ids = { model: useId(), workers: useId(), port: useId(), keepAlive: useId(), closeSilently: useId(), tls: useId() };
  const running = server.state === 'running' || server.state === 'starting';
  return (
    <section className="panel server-panel" aria-labelledby="server-panel-title">
      <header className="panel-head">
        <h2 id="server-panel-title">Built-in server</h2>
        <span className={`status-pill ${server.state}`}>{server.state}</span>
      </header>
      <div className="form-grid two">
        <label htmlFor={ids.model} className="span-2">
          Concurrency model
          <select id={ids.model} value={form.model} onChange={(event) => setServerForm({ model: event.target.value as ServerModel })}>
            {serverModels.map((model) => (
              <option key={model} value={model}>
                {model} — {modelLabel(model)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.workers}>
          Workers
          <input id={ids.workers} inputMode="numeric" value={form.workers} onChange={(event) => setServerForm({ workers: event.target.value })} disabled={!usesWorkers(form.model)} title={usesWorkers(form.model) ? 'Handler threads of the pool' : 'Only the pool models have a worker count'} />
        </label>
        <label htmlFor={ids.port}>
          Port
          <input id={ids.port} inputMode="numeric" value={form.port} onChange={(event) => setServerForm({ port: event.target.value })} placeholder="0 = any free port" />
        </label>
        <label htmlFor={ids.keepAlive} className="check span-2">
          <input id={ids.keepAlive} type="checkbox" checked={form.keepAlive} onChange={(event) => setServerForm({ keepAlive: event.target.checked })} />
          Keep-alive (off: the server closes the connection after every response)
        </label>
        <label htmlFor={ids.closeSilently} className="check span-2" title="Closes after every response without saying Connection: close and drops unread request bytes, as the seed journal's server did before entry 004: wrk counts read errors">
          <input id={ids.closeSilently} type="checkbox" checked={form.closeSilently} onChange={(event) => setServerForm({ closeSilently: event.target.checked })} />
          Close silently (no Connection: close; a keep-alive client sees read errors)
        </label>
        <label htmlFor={ids.tls} className="check span-2" title="Serves https with a self-signed certificate for localhost, 127.0.0.1 and ::1, kept in the user data folder (the one loadlab serve --tls uses); runs from here trust it">
          <input id={ids.tls} type="checkbox" checked={form.tls} onChange={(event) => setServerForm({ tls: event.target.checked })} />
          TLS (https)
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void startServer()} disabled={busy || runGoing}>
          {running ? 'Apply (restart if changed)' : 'Start server'}
        </button>
        <button type="button" onClick={() => void stopServer()} disabled={busy || !running || runGoing}>
          Stop
        </button>
      </div>
      <p className="server-where">
        {server.state === 'running' && server.url !== null && server.settings !== null ? (
          <>
            <code>{server.url}</code> · {server.settings.model}
            {usesWorkers(server.settings.model) ? ` ×${server.settings.workers}` : ''} · keep-alive {server.settings.keepAlive ? 'on' : 'off'}
            {server.settings.closeSilently === true ? ' · closes silently' : ''}
            {server.settings.tls === true ? ` · TLS, certificate ${server.certFile ?? 'unknown'}` : ''}
          </>
        ) : server.state === 'stopped' ? (
          'Not running. Run starts it with these settings when the target is the built-in server.'
        ) : (
          `${server.state}…`
        )}
      </p>
      {server.error !== null && <div className="note error">Server: {server.error}</div>}
      <ErrorNote place="server" prefix="Server:" />
      <ServerFigures />
    </section>
  );
}

// A profile's server (the user's own): its command and ready check, start and stop, the ready
// state, tiles of its process and its log's last lines. The lab runs at most one.
import { formatReadySpec, type ServerProfile } from '../../../../../common/serverProfile.ts';
import { joinWords, shellQuote } from '../../../commandLine/formatCommand.ts';
import { useActions } from '../../../store/LabContext.tsx';
import { Stat } from '../../../ui/Stat.tsx';
import { processTiles } from './processTiles.ts';
import type { OwnServer } from './useOwnServer.ts';

export function OwnServerPanel({ profile, own }: { profile: ServerProfile; own: OwnServer }) {
  const { setLoadDraft } = useActions();
  const status = own.status;
  const mine = status !== null && status.profile === profile.name;
  const state = mine ? status.state : 'stopped';
  const other = status !== null && status.state !== 'stopped' && !mine ? status.profile : null;
  const live = state === 'running' || state === 'starting';
  return (
    <>
      <header className="panel-head">
        <h2 id="server-panel-title">{profile.name}</h2>
        <span className={`status-pill ${state}`}>{state === 'running' ? 'ready' : state}</span>
      </header>
      <dl className="facts own-server-facts">
        <div className="fact">
          <dt>command</dt>
          <dd>
            <code>{profile.shell ? `sh -c ${shellQuote(profile.command.join(' '))}` : joinWords(profile.command)}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>folder</dt>
          <dd>{profile.cwd ?? 'where Loadlab runs'}</dd>
        </div>
        <div className="fact">
          <dt>ready when</dt>
          <dd>
            {formatReadySpec(profile.ready)} (within {profile.readyTimeoutMs / 1000} s)
          </dd>
        </div>
        <div className="fact">
          <dt>each run</dt>
          <dd>{eachRun(profile)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void own.start(profile.name)} disabled={own.busy || live || other !== null}>
          Start {profile.name}
        </button>
        <button type="button" onClick={() => void own.stop()} disabled={own.busy || !mine || state === 'stopped' || state === 'stopping'}>
          Stop
        </button>
        <button type="button" onClick={() => void own.restart(profile.name)} disabled={own.busy || !mine || state !== 'running'} title="Stop it and start a fresh process">
          Restart
        </button>
        {profile.url !== null && (
          <button type="button" onClick={() => setLoadDraft({ targetKind: 'url', url: profile.url ?? '' })} title="Set the load's target to this server's URL">
            Load {profile.url}
          </button>
        )}
      </div>
      <p className="server-where">
        {other !== null
          ? `${other} is running; stop it first (the lab runs one of your servers at a time).`
          : state === 'running' && status !== null
            ? `pid ${status.pid ?? '?'} · ready · runs to ${profile.url ?? 'its port'} record it and its process`
            : state === 'stopped'
              ? 'Not running.'
              : `${state}…`}
      </p>
      {mine && status.error !== null && <div className="note error">{status.error}</div>}
      {own.error !== null && <div className="note error">{own.error}</div>}
      {mine && state === 'running' && own.last !== null && (
        <div className="stats compact" aria-label="Server process, last second">
          {processTiles(own.last, own.lastStates).map((tile) => (
            <Stat key={tile.label} label={tile.label} value={tile.value} detail={tile.detail} tone={tile.tone} />
          ))}
        </div>
      )}
      {mine && own.logLines.length > 0 && (
        <details className="own-server-log" open>
          <summary>Log (last {own.logLines.length} lines)</summary>
          <pre>{own.logLines.slice(-30).join('\n')}</pre>
        </details>
      )}
    </>
  );
}

/** What a run from the Lab does with it first. */
function eachRun(profile: ServerProfile): string {
  const parts = [profile.restartEachRun ? 'restarts it first' : 'reuses it while it runs'];
  parts.push(profile.warmupMs > 0 ? `${profile.warmupMs / 1000} s of warm-up load, not recorded` : 'no warm-up');
  return parts.join(' · ');
}

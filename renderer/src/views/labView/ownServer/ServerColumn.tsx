// The server column of the Lab: the built-in server or one of the user's profiles, picked here.
// A profile already running in the lab is picked when the page opens.
import { useEffect, useId, useState } from 'react';
import '../../../styles/ownServer.css';
import { useLabApi } from '../../../store/LabContext.tsx';
import { ServerPanel } from '../ServerPanel.tsx';
import { OwnServerPanel } from './OwnServerPanel.tsx';
import { useOwnServer } from './useOwnServer.ts';

const BUILTIN = '';

export function ServerColumn() {
  const own = useOwnServer(useLabApi());
  const [picked, setPicked] = useState<string>(BUILTIN);
  const id = useId();
  const runningProfile = own.status !== null && own.status.state !== 'stopped' ? own.status.profile : null;
  useEffect(() => {
    if (runningProfile !== null) setPicked(runningProfile);
  }, [runningProfile]);
  const profile = own.profiles.find((candidate) => candidate.name === picked) ?? null;
  return (
    <div className="server-column">
      {own.profiles.length > 0 && (
        <label htmlFor={id} className="server-pick">
          Server
          <select id={id} value={profile === null ? BUILTIN : profile.name} onChange={(event) => setPicked(event.target.value)} onFocus={() => void own.refresh()}>
            <option value={BUILTIN}>Built-in server</option>
            {own.profiles.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
                {candidate.name === runningProfile ? ' (running)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {profile === null ? (
        <ServerPanel />
      ) : (
        <section className="panel server-panel own-server" aria-labelledby="server-panel-title">
          <OwnServerPanel profile={profile} own={own} />
        </section>
      )}
    </div>
  );
}

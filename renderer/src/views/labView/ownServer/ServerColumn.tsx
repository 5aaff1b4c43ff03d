// The server column of the Lab: the built-in server or one of the user's profiles, picked here,
// and the form that adds or edits a profile. A profile already running in the lab is picked when
// the page opens.
import { useEffect, useId, useState } from 'react';
import '../../../styles/ownServer.css';
import { useLabApi } from '../../../store/LabContext.tsx';
import { ServerPanel } from '../ServerPanel.tsx';
import { OwnServerPanel } from './OwnServerPanel.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';
import { useOwnServer } from './useOwnServer.ts';

const BUILTIN = '';
const NEW = '\u0000new'; // not a profile name

export function ServerColumn() {
  const own = useOwnServer(useLabApi());
  const [picked, setPicked] = useState<string>(BUILTIN);
  /** The form: 'new', or the name of the profile edited; null when closed. */
  const [editing, setEditing] = useState<string | null>(null);
  const id = useId();
  const runningProfile = own.status !== null && own.status.state !== 'stopped' ? own.status.profile : null;
  useEffect(() => {
    if (runningProfile !== null) setPicked(runningProfile);
  }, [runningProfile]);
  const profile = own.profiles.find((candidate) => candidate.name === picked) ?? null;
  const edited = editing === null || editing === NEW ? null : (own.profiles.find((candidate) => candidate.name === editing) ?? null);
  return (
    <div className="server-column">
      <div className="server-pick">
        <label htmlFor={id}>Server</label>
        <select id={id} value={profile === null ? BUILTIN : profile.name} onChange={(event) => setPicked(event.target.value)} onFocus={() => void own.refresh()} disabled={editing !== null}>
          <option value={BUILTIN}>Built-in server</option>
          {own.profiles.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
              {candidate.name === runningProfile ? ' (running)' : ''}
            </option>
          ))}
        </select>
        {profile !== null && (
          <button type="button" onClick={() => setEditing(profile.name)} disabled={editing !== null} title="Change how this server is started">
            Edit
          </button>
        )}
        <button type="button" onClick={() => setEditing(NEW)} disabled={editing !== null} title="A profile says how to start your own server: command, folder, ready check">
          Add your server…
        </button>
      </div>
      {editing !== null ? (
        <section className="panel server-panel own-server-edit">
          <ProfileEditor
            key={editing}
            editing={edited}
            save={own.save}
            remove={own.remove}
            close={(saved) => {
              setEditing(null);
              if (saved !== null) setPicked(saved);
            }}
          />
        </section>
      ) : profile === null ? (
        <ServerPanel />
      ) : (
        <section className="panel server-panel own-server" aria-labelledby="server-panel-title">
          <OwnServerPanel profile={profile} own={own} />
        </section>
      )}
    </div>
  );
}

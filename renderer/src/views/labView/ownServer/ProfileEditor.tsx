// Adding or editing a server profile from the page: the command and its arguments (argv, no shell
// unless asked), folder, environment, URL, ready check and timeout, restart before each run,
// warm-up. The problems are the journal store's (as `loadlab server add`), each under its field;
// the lab says what else went wrong (a name in use, commands not allowed on this host).
import { useState } from 'react';
import { Field } from '../../../ui/Field.tsx';
import { splitCommandLine } from '../../../../../common/commandWords.ts';
import type { ServerProfile } from '../../../../../common/serverProfile.ts';
import { defaultUrlOf, emptyForm, formOf, profileOf, type FormProblems, type ProfileForm, type ReadyKind } from './profileForm.ts';

const READY_KINDS: { value: ReadyKind; label: string }[] = [
  { value: 'tcp', label: 'TCP port open' },
  { value: 'http', label: 'HTTP GET 2xx/3xx' },
  { value: 'log', label: 'log line' },
  { value: 'none', label: 'at once' },
];

interface Props {
  /** The profile edited; null for a new one. */
  editing: ServerProfile | null;
  /** Saves it (replace when editing); resolves with the lab's refusal, or null once saved. */
  save(profile: ServerProfile, replace: boolean): Promise<string | null>;
  remove(name: string): Promise<string | null>;
  close(saved: string | null): void;
}

export function ProfileEditor({ editing, save, remove, close }: Props) {
  const [form, setForm] = useState<ProfileForm>(editing === null ? emptyForm : formOf(editing));
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const result = profileOf(form);
  const problems: FormProblems = tried ? (result.problems ?? {}) : {};
  const set = (changes: Partial<ProfileForm>): void => setForm({ ...form, ...changes });
  const words = form.shell ? null : splitCommandLine(form.commandLine);

  const onSave = async (): Promise<void> => {
    setTried(true);
    if (result.profile === null) return;
    setBusy(true);
    const refused = await save(result.profile, editing !== null);
    setBusy(false);
    setRefusal(refused);
    if (refused === null) close(result.profile.name);
  };
  const onRemove = async (): Promise<void> => {
    if (editing === null) return;
    setBusy(true);
    const refused = await remove(editing.name);
    setBusy(false);
    setRefusal(refused);
    if (refused === null) close(null);
  };

  return (
    <form
      className="profile-editor"
      aria-labelledby="server-panel-title"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      <header className="panel-head">
        <h2 id="server-panel-title">{editing === null ? 'New server profile' : `Edit ${editing.name}`}</h2>
      </header>
      <div className="form-grid two">
        <Field label="Name" problem={problems.name} hint={editing === null ? 'letters, digits, . _ -; the file servers/NAME.json in the journal folder' : 'a profile keeps its name'}>
          {(props) => <input {...props} value={form.name} disabled={editing !== null} onChange={(event) => set({ name: event.target.value })} placeholder="rust-pool" />}
        </Field>
        <Field label="Folder (cwd)" problem={problems.cwd} hint="absolute; empty: where Loadlab runs. Its git commit is recorded with each run.">
          {(props) => <input {...props} value={form.cwd} onChange={(event) => set({ cwd: event.target.value })} placeholder="/home/me/webserver" />}
        </Field>
        <Field label="Command" className="span-2" problem={problems.commandLine} hint={commandHint(form.shell, words)}>
          {(props) => <input {...props} className="mono" value={form.commandLine} onChange={(event) => set({ commandLine: event.target.value })} placeholder={form.shell ? 'cargo build --release && ./target/release/server' : "nginx -c /path/nginx.conf -g 'daemon off;'"} />}
        </Field>
        <label className="check span-2" title="Without it the program is started directly with these arguments: no variables, globs, pipes or &&">
          <input type="checkbox" checked={form.shell} onChange={(event) => set({ shell: event.target.checked })} />
          Run through sh -c (pipes, &&, variables)
        </label>
        <Field label="Environment" className="span-2" problem={problems.env} hint="NAME=VALUE, one a line, added to Loadlab's own">
          {(props) => <textarea {...props} rows={2} className="mono" value={form.env} onChange={(event) => set({ env: event.target.value })} placeholder="RUST_LOG=info" />}
        </Field>
      </div>
      <fieldset className="segmented">
        <legend className="field-label">Ready when</legend>
        {READY_KINDS.map((kind) => (
          <label key={kind.value} className={form.readyKind === kind.value ? 'on' : undefined}>
            <input type="radio" name="ready-kind" value={kind.value} checked={form.readyKind === kind.value} onChange={() => set({ readyKind: kind.value })} />
            {kind.label}
          </label>
        ))}
      </fieldset>
      <div className="form-grid two">
        {form.readyKind === 'tcp' && (
          <>
            <Field label="Ready port" problem={problems.readyPort} hint="a TCP connect to it succeeds">
              {(props) => <input {...props} inputMode="numeric" value={form.readyPort} onChange={(event) => set({ readyPort: event.target.value })} placeholder="7878" />}
            </Field>
            <Field label="Ready host" problem={problems.readyHost}>
              {(props) => <input {...props} value={form.readyHost} onChange={(event) => set({ readyHost: event.target.value })} />}
            </Field>
          </>
        )}
        {form.readyKind === 'http' && (
          <Field label="Ready URL" className="span-2" problem={problems.readyUrl} hint="a GET answers 2xx or 3xx">
            {(props) => <input {...props} inputMode="url" value={form.readyUrl} onChange={(event) => set({ readyUrl: event.target.value })} placeholder="http://127.0.0.1:7878/" />}
          </Field>
        )}
        {form.readyKind === 'log' && (
          <Field label="Ready log pattern" className="span-2" problem={problems.readyPattern} hint="a JavaScript regular expression matched against each line of its output">
            {(props) => <input {...props} className="mono" value={form.readyPattern} onChange={(event) => set({ readyPattern: event.target.value })} placeholder="Listening on \d+" />}
          </Field>
        )}
        {form.readyKind !== 'none' && (
          <Field label="Ready within (s)" problem={problems.readyTimeoutS} hint="else it is stopped and its log shown">
            {(props) => <input {...props} inputMode="numeric" value={form.readyTimeoutS} onChange={(event) => set({ readyTimeoutS: event.target.value })} />}
          </Field>
        )}
        <Field label="URL to load" className={form.readyKind === 'none' ? 'span-2' : undefined} problem={problems.url} hint={form.url.trim() === '' ? `empty: ${defaultUrlOf(form) ?? 'none (name a ready port or URL, or give one)'}` : undefined}>
          {(props) => <input {...props} inputMode="url" value={form.url} onChange={(event) => set({ url: event.target.value })} placeholder="http://127.0.0.1:7878/" />}
        </Field>
        <label className="check" title="Stop it and start a fresh process before every run from the Lab (and bench --server)">
          <input type="checkbox" checked={form.restartEachRun} onChange={(event) => set({ restartEachRun: event.target.checked })} />
          Restart before each run
        </label>
        <Field label="Warm-up (s)" problem={problems.warmupS} hint="load at the run's rate before each run, not recorded; 0: none">
          {(props) => <input {...props} inputMode="numeric" value={form.warmupS} onChange={(event) => set({ warmupS: event.target.value })} />}
        </Field>
      </div>
      {tried && result.problems !== null && <div className="note error">The profile is not saved: {Object.keys(result.problems).length === 1 ? 'one field needs' : `${Object.keys(result.problems).length} fields need`} a change (said under each).</div>}
      {refusal !== null && <div className="note error">{refusal}</div>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {editing === null ? 'Save profile' : 'Save changes'}
        </button>
        <button type="button" onClick={() => close(null)} disabled={busy}>
          Cancel
        </button>
        {editing !== null &&
          (confirmRemove ? (
            <button type="button" className="danger" onClick={() => void onRemove()} disabled={busy}>
              Remove {editing.name} for good
            </button>
          ) : (
            <button type="button" className="link" onClick={() => setConfirmRemove(true)} disabled={busy}>
              Remove profile…
            </button>
          ))}
      </div>
    </form>
  );
}

function commandHint(shell: boolean, words: string[] | string | null): string {
  if (shell) return 'one line for sh -c';
  if (words === null || typeof words === 'string' || words.length === 0) return "program and arguments, quoted as in a shell: nginx -g 'daemon off;'";
  return `runs ${words[0] ?? ''} with ${words.length - 1} argument${words.length === 2 ? '' : 's'}: ${words.slice(1).map((word) => `⟨${word}⟩`).join(' ') || 'none'}`;
}



// The profile form's text, to and from a server profile. Pure: the page's checks are the ones the
// journal's store makes for `loadlab server add` (savableProfileSchema), each problem put on the
// field it concerns, plus the form's own (the command line's quoting, numbers, NAME=VALUE lines).
import { splitCommandLine } from '../../../../../common/commandWords.ts';
import { DEFAULT_READY_TIMEOUT_MS, PROFILE_SCHEMA, defaultUrl, savableProfileSchema, type ReadySpec, type ServerProfile } from '../../../../../common/serverProfile.ts';
import { joinWords } from '../../../commandLine/formatCommand.ts';

export type ReadyKind = 'none' | 'tcp' | 'http' | 'log';

export interface ProfileForm {
  name: string;
  /** The program and its arguments, quoted as in a shell (nothing else of a shell: no variables, pipes); with `shell`, the line for sh -c. */
  commandLine: string;
  shell: boolean;
  /** Empty: the folder Loadlab runs in. */
  cwd: string;
  /** NAME=VALUE, one a line. */
  env: string;
  /** Empty: the ready check's URL when it names a port. */
  url: string;
  readyKind: ReadyKind;
  readyHost: string;
  readyPort: string;
  readyUrl: string;
  /** A JavaScript regular expression, without slashes. */
  readyPattern: string;
  readyTimeoutS: string;
  restartEachRun: boolean;
  warmupS: string;
}

export type FormField = keyof ProfileForm;
export type FormProblems = Partial<Record<FormField, string>>;

export const emptyForm: ProfileForm = {
  name: '',
  commandLine: '',
  shell: false,
  cwd: '',
  env: '',
  url: '',
  readyKind: 'tcp',
  readyHost: '127.0.0.1',
  readyPort: '',
  readyUrl: '',
  readyPattern: '',
  readyTimeoutS: String(DEFAULT_READY_TIMEOUT_MS / 1000),
  restartEachRun: false,
  warmupS: '0',
};

export function formOf(profile: ServerProfile): ProfileForm {
  const ready = profile.ready;
  return {
    name: profile.name,
    commandLine: profile.shell ? (profile.command[0] ?? '') : joinWords(profile.command),
    shell: profile.shell,
    cwd: profile.cwd ?? '',
    env: Object.entries(profile.env)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
    url: profile.url ?? '',
    readyKind: ready === null ? 'none' : ready.kind,
    readyHost: ready?.kind === 'tcp' ? ready.host : '127.0.0.1',
    readyPort: ready?.kind === 'tcp' ? String(ready.port) : '',
    readyUrl: ready?.kind === 'http' ? ready.url : '',
    readyPattern: ready?.kind === 'log' ? ready.pattern : '',
    readyTimeoutS: String(profile.readyTimeoutMs / 1000),
    restartEachRun: profile.restartEachRun,
    warmupS: String(profile.warmupMs / 1000),
  };
}

/** Seconds as typed ("30", "2.5") to whole ms; a string says what is wrong. */
function secondsToMs(text: string, what: string, allowZero: boolean): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) return `${what} must be a number of seconds${allowZero ? ' (0 for none)' : ' above 0'}`;
  return Math.round(value * 1000);
}

function readyOf(form: ProfileForm, problems: FormProblems): ReadySpec | null {
  switch (form.readyKind) {
    case 'none':
      return null;
    case 'tcp': {
      const port = Number(form.readyPort.trim());
      if (!Number.isInteger(port) || port < 1 || port > 65_535) problems.readyPort = 'a TCP port, 1-65535';
      return { kind: 'tcp', host: form.readyHost.trim(), port };
    }
    case 'http':
      return { kind: 'http', url: form.readyUrl.trim() };
    case 'log':
      return { kind: 'log', pattern: form.readyPattern, flags: '' };
  }
}

function envOf(text: string, problems: FormProblems): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    if (equals <= 0) {
      problems.env ??= `line ${index + 1}: NAME=VALUE expected, got "${line}"`;
      continue;
    }
    env[line.slice(0, equals).trim()] = line.slice(equals + 1);
  }
  return env;
}

/** Where a problem of the profile's schema belongs on the form. */
function fieldOf(path: readonly PropertyKey[]): FormField {
  const [first, second] = path;
  if (first === 'ready') return second === 'port' ? 'readyPort' : second === 'host' ? 'readyHost' : second === 'pattern' ? 'readyPattern' : 'readyUrl';
  if (first === 'command' || first === 'shell') return 'commandLine';
  if (first === 'readyTimeoutMs') return 'readyTimeoutS';
  if (first === 'warmupMs') return 'warmupS';
  if (first === 'name' || first === 'cwd' || first === 'env' || first === 'url') return first;
  return 'name';
}

/** The URL a run loads when the form leaves it empty (the ready check's, when it names a port); null when none. */
export function defaultUrlOf(form: ProfileForm): string | null {
  return defaultUrl(readyOf(form, {}));
}

/** The profile the form describes, or the problems of each field (every field checked at once). */
export function profileOf(form: ProfileForm): { profile: ServerProfile; problems: null } | { profile: null; problems: FormProblems } {
  const problems: FormProblems = {};
  let command: string[] = [];
  if (form.shell) {
    if (form.commandLine.trim() === '') problems.commandLine = 'the command is empty';
    command = [form.commandLine.trim()];
  } else {
    const words = splitCommandLine(form.commandLine);
    if (typeof words === 'string') problems.commandLine = words;
    else command = words;
  }
  const ready = readyOf(form, problems);
  const readyTimeoutMs = secondsToMs(form.readyTimeoutS, 'the ready timeout', false);
  if (typeof readyTimeoutMs === 'string') problems.readyTimeoutS = readyTimeoutMs;
  const warmupMs = secondsToMs(form.warmupS, 'the warm-up', true);
  if (typeof warmupMs === 'string') problems.warmupS = warmupMs;
  const env = envOf(form.env, problems);
  const url = form.url.trim() === '' ? defaultUrl(ready) : form.url.trim();
  const candidate = {
    schema: PROFILE_SCHEMA,
    name: form.name.trim(),
    command: command.length === 0 ? [''] : command,
    shell: form.shell,
    cwd: form.cwd.trim() === '' ? null : form.cwd.trim(),
    env,
    url,
    ready,
    readyTimeoutMs: typeof readyTimeoutMs === 'number' ? readyTimeoutMs : DEFAULT_READY_TIMEOUT_MS,
    restartEachRun: form.restartEachRun,
    warmupMs: typeof warmupMs === 'number' ? warmupMs : 0,
  };
  const parsed = savableProfileSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) problems[fieldOf(issue.path)] ??= issue.message;
  if (Object.keys(problems).length > 0 || !parsed.success) return { profile: null, problems };
  return { profile: parsed.data, problems: null };
}

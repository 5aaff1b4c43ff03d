// A server profile: how to run one server that is not ours (command, folder, environment, the URL
// to load, how to know it is ready), and what a run from it records about the process and the
// build. Profiles live in the journal folder (`servers/<name>.json`); targets/ launches them.
import { z } from 'zod';
import { errorMessage } from './errorMessage.ts';

export const PROFILE_SCHEMA = 'loadlab.server/1';

/** Default time a server gets to become ready. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** How to know the server is ready: a TCP connect, an HTTP GET answering 2xx/3xx, or a log line. */
export const readySpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp'), host: z.string(), port: z.number().int().min(1).max(65535) }),
  z.object({ kind: z.literal('http'), url: z.string() }),
  /** A JavaScript regular expression tested against each line of stdout and stderr. */
  z.object({ kind: z.literal('log'), pattern: z.string(), flags: z.string() }),
]);
export type ReadySpec = z.infer<typeof readySpecSchema>;

/** 1-64 characters: letters, digits, `.`, `_`, `-`; not starting with `.` (it names a file). */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const profileNameSchema = z.string().regex(PROFILE_NAME_PATTERN, 'a profile name is 1-64 letters, digits, ".", "_" or "-", not starting with "." or "-"');

export const serverProfileSchema = z.object({
  schema: z.literal(PROFILE_SCHEMA),
  name: profileNameSchema,
  /** The program and its arguments; with `shell`, one element: the command line for `sh -c`. */
  command: z.array(z.string()).min(1),
  shell: z.boolean(),
  /** Working folder, absolute; null = the folder Loadlab runs in. */
  cwd: z.string().nullable(),
  /** Added to Loadlab's own environment. */
  env: z.record(z.string(), z.string()),
  /** The URL `bench --server NAME` loads when none is given; null = none. */
  url: z.string().nullable(),
  /** null = ready as soon as it is started. */
  ready: readySpecSchema.nullable(),
  readyTimeoutMs: z.number().int().positive(),
  /** Start a fresh process before each run (else reuse one already running and ready). */
  restartEachRun: z.boolean(),
  /** Load sent before the recorded run and not recorded, ms; 0 = none. */
  warmupMs: z.number().int().nonnegative(),
});
export type ServerProfile = z.infer<typeof serverProfileSchema>;

/** The longest a profile may give its server to become ready, and the longest warm-up. */
export const MAX_READY_TIMEOUT_MS = 3_600_000;
export const MAX_WARMUP_MS = 600_000;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** POSIX `/…`, or Windows `C:\…` / `\\server\share`. */
function isAbsolutePath(text: string): boolean {
  return text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\');
}

function regexProblem(pattern: string, flags: string): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/**
 * A profile as it may be saved (the journal's store, so `server add` and the lab's `profiles.put`
 * alike): the shape of serverProfileSchema plus what makes it usable, each problem on the field it
 * concerns. Reading keeps the plain shape, so a run record that holds an older profile still reads.
 */
export const savableProfileSchema = serverProfileSchema.superRefine((profile, context) => {
  const problem = (path: Array<string | number>, message: string): void => context.addIssue({ code: 'custom', path, message });
  if (profile.command[0]?.trim() === '') problem(['command', 0], 'the program is empty');
  if (profile.shell && profile.command.length !== 1) problem(['command'], 'with shell, the command is one line for sh -c');
  if (profile.cwd !== null && !isAbsolutePath(profile.cwd)) problem(['cwd'], `the folder must be an absolute path, got "${profile.cwd}"`);
  for (const name of Object.keys(profile.env)) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problem(['env', name], `"${name}" is not an environment variable name (letters, digits, _)`);
  if (profile.url !== null && !isHttpUrl(profile.url)) problem(['url'], `not an http:// or https:// URL: "${profile.url}"`);
  const ready = profile.ready;
  if (ready?.kind === 'http' && !isHttpUrl(ready.url)) problem(['ready', 'url'], `not an http:// or https:// URL: "${ready.url}"`);
  if (ready?.kind === 'tcp' && ready.host.trim() === '') problem(['ready', 'host'], 'the host is empty');
  if (ready?.kind === 'log') {
    const bad = ready.pattern === '' ? 'the pattern is empty' : regexProblem(ready.pattern, ready.flags);
    if (bad !== null) problem(['ready', 'pattern'], bad);
  }
  if (profile.readyTimeoutMs > MAX_READY_TIMEOUT_MS) problem(['readyTimeoutMs'], `at most ${MAX_READY_TIMEOUT_MS / 3_600_000} h`);
  if (profile.warmupMs > MAX_WARMUP_MS) problem(['warmupMs'], `at most ${MAX_WARMUP_MS / 60_000} min`);
});

/** The URL to load when a profile names none: the ready check's, when it names one. */
export function defaultUrl(ready: ReadySpec | null): string | null {
  if (ready === null || ready.kind === 'log') return null;
  if (ready.kind === 'http') return ready.url;
  return `http://${ready.host.includes(':') ? `[${ready.host}]` : ready.host}:${ready.port}/`;
}

/** Reads `tcp:PORT`, `tcp:HOST:PORT`, `http://…`, `https://…` or `log:/REGEX/FLAGS`; a string is the reason it is bad. */
export function parseReadySpec(text: string): ReadySpec | string {
  const tcp = /^tcp:(?:(.+):)?(\d+)$/.exec(text);
  if (tcp) {
    const port = Number(tcp[2]);
    if (!(port >= 1 && port <= 65535)) return `--ready ${text}: the port must be 1-65535`;
    return { kind: 'tcp', host: tcp[1] ?? '127.0.0.1', port };
  }
  if (/^https?:\/\//.test(text)) {
    try {
      new URL(text);
    } catch {
      return `--ready ${text}: not a valid URL`;
    }
    return { kind: 'http', url: text };
  }
  const log = /^log:\/(.*)\/([a-z]*)$/s.exec(text);
  if (log) {
    const pattern = log[1] ?? '';
    const flags = log[2] ?? '';
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      return `--ready ${text}: ${errorMessage(error)}`;
    }
    return { kind: 'log', pattern, flags };
  }
  return `--ready ${text}: expected tcp:PORT, tcp:HOST:PORT, http://… or log:/REGEX/`;
}

export function formatReadySpec(spec: ReadySpec | null): string {
  if (spec === null) return 'at once';
  if (spec.kind === 'tcp') return `tcp:${spec.host === '127.0.0.1' ? '' : `${spec.host}:`}${spec.port}`;
  if (spec.kind === 'http') return spec.url;
  return `log:/${spec.pattern}/${spec.flags}`;
}

/** The TCP port readiness waits on, when it names one: what "port already taken" is checked on. */
export function readyPort(spec: ReadySpec | null): number | null {
  if (spec === null || spec.kind === 'log') return null;
  if (spec.kind === 'tcp') return spec.port;
  const url = new URL(spec.url);
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Which build a run measured. Every field is null when it could not be read. */
export const buildIdentitySchema = z.object({
  /** The folder the server ran in, absolute. */
  cwd: z.string(),
  /** Null when the folder is not in a git repository (or git is missing). */
  git: z
    .object({
      commit: z.string(),
      /** Null on a detached HEAD. */
      branch: z.string().nullable(),
      dirty: z.boolean(),
      /** `git diff --stat HEAD` when dirty (untracked files listed by `git status` apart). */
      diffStat: z.string().nullable(),
    })
    .nullable(),
  /** The program run, when it is a file: its resolved path, size and modification time. */
  executable: z.object({ path: z.string(), sizeBytes: z.number().int().nonnegative(), mtime: z.string() }).nullable(),
});
export type BuildIdentity = z.infer<typeof buildIdentitySchema>;

/** The last bytes of the server's stdout and stderr (interleaved as they came), and how many were dropped before them. */
export const logTailSchema = z.object({ text: z.string(), droppedBytes: z.number().int().nonnegative() });
export type LogTail = z.infer<typeof logTailSchema>;

/** How a launched server ended while a run was going on. */
export const serverExitSchema = z.object({
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  /** ms since the run started. */
  atRunMs: z.number(),
});
export type ServerExit = z.infer<typeof serverExitSchema>;

export function describeServerExit(exit: ServerExit): string {
  const how = exit.code !== null ? `with code ${exit.code}` : `on signal ${exit.signal ?? '?'}`;
  return `server exited ${how} at t = ${(exit.atRunMs / 1000).toFixed(1)} s`;
}

// The form shown back as the command a person would type: wrk (wrk2 with -R) or httperf, with
// what that tool cannot express said in words, and the `loadlab` command that says it all.
import { formatDurationText } from '../loadForm/draft.ts';
import type { RunParams } from '../loadForm/toRunParams.ts';

export interface FormattedCommand {
  /** wrk or httperf, as close as the tool allows. */
  tool: string;
  /** What the tool command leaves out. */
  caveats: string[];
  /** `loadlab bench` / `loadlab httperf`: exact. */
  loadlab: string;
}

/** `builtinUrl`: the built-in server's base URL when it runs (a placeholder is used otherwise). */
/** `builtinCaFile`: the built-in TLS server's certificate, which loadlab must trust (`--ca`) to verify it. */
export function formatCommand(params: RunParams, builtinUrl: string | null, builtinCaFile: string | null = null): FormattedCommand {
  const url = params.target.kind === 'url' ? params.target.url : `${(builtinUrl ?? 'http://127.0.0.1:PORT').replace(/\/$/, '')}${params.target.path}`;
  const caFile = params.target.kind === 'builtin' ? builtinCaFile : null;
  return params.mode === 'conn-rate' ? formatHttperf(params, url) : formatWrk(params, url, caFile);
}

function formatWrk(params: RunParams, url: string, caFile: string | null): FormattedCommand {
  const common = [`-t${params.threads}`, `-c${params.connections}`, `-d${formatDurationText(params.durationMs)}`];
  if (params.ratePerSec !== null) common.push(`-R${params.ratePerSec}`);
  if (params.timeoutMs !== 2000) common.push('--timeout', formatDurationText(params.timeoutMs));
  const headers = params.headers.flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const caveats: string[] = [];
  if (params.method !== 'GET' || params.body !== '') caveats.push(`wrk sets the method and body in a Lua script (-s): wrk.method = "${params.method}"${params.body !== '' ? ', wrk.body = …' : ''}`);
  const tool = ['wrk', ...common, ...headers, ...(params.keepAlive ? [] : ['-H', 'Connection: close']), '--latency', url];
  const loadlab = ['loadlab', 'bench', ...common, ...headers];
  if (params.method !== 'GET') loadlab.push('--method', params.method);
  if (params.body !== '') loadlab.push('--body', params.body);
  if (!params.keepAlive) loadlab.push('--no-keep-alive');
  if (caFile !== null) loadlab.push('--ca', caFile);
  if (params.insecure) loadlab.push('--insecure');
  loadlab.push(...saveFlags(params), '--latency', url);
  return { tool: joinWords(tool), caveats, loadlab: joinWords(loadlab) };
}

function formatHttperf(params: RunParams, url: string): FormattedCommand {
  const connRate = params.connRate;
  const rate = connRate?.spacing.kind === 'fixed' ? connRate.spacing.ratePerSec : 1;
  const { host, port, path } = splitUrl(url);
  const flags = ['--server', host, '--port', port, '--uri', path, '--rate', String(rate), '--num-conns', String(connRate?.numConns ?? 1), '--num-calls', String(connRate?.numCalls ?? 1)];
  flags.push('--timeout', String(params.timeoutMs / 1000));
  if (params.method !== 'GET') flags.push('--method', params.method);
  for (const [name, value] of params.headers) flags.push('--add-header', `${name}: ${value}\\n`);
  const caveats: string[] = [];
  if (params.body !== '') caveats.push('httperf sends a body only from a session log (--wsesslog)');
  if (params.threads > 1) caveats.push(`httperf is one process; -t ${params.threads} is a Loadlab extension`);
  const loadlab = ['loadlab', 'httperf', ...flags];
  if (params.threads > 1) loadlab.push('-t', String(params.threads));
  loadlab.push(...saveFlags(params));
  return { tool: joinWords(['httperf', ...flags]), caveats, loadlab: joinWords(loadlab) };
}

function saveFlags(params: RunParams): string[] {
  const flags = ['--save'];
  if (params.title !== undefined) flags.push('--title', params.title);
  for (const tag of params.tags ?? []) flags.push('--tag', tag);
  return flags;
}

function splitUrl(url: string): { host: string; port: string; path: string } {
  const match = /^https?:\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+|PORT))?(\/.*)?$/i.exec(url);
  if (!match) return { host: url, port: '80', path: '/' };
  return { host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port: match[2] ?? '80', path: match[3] ?? '/' };
}

/** Words joined for a POSIX shell: plain words as they are, others in single quotes. */
export function joinWords(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\-.,:/=@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

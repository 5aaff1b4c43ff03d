// wrk and wrk2 command lines (and `loadlab bench`, which takes the same flags and a few more)
// into the load form. Unset options take wrk's defaults so the form is the command, no more.
import { formatHeaderLines, type LoadDraft } from '../loadForm/draft.ts';
import { scanOptions, type OptionSpec } from './options.ts';
import type { CommandTool, ParsedCommand } from './parsed.ts';
import { countValue, durationValue, headerValue, rateValue, valueTaker } from './values.ts';

type WrkKey =
  | 'threads'
  | 'connections'
  | 'duration'
  | 'rate'
  | 'header'
  | 'timeout'
  | 'latency'
  | 'script'
  | 'batch'
  | 'version'
  | 'method'
  | 'body'
  | 'bodyFile'
  | 'noKeepAlive'
  | 'connRate'
  | 'numConns'
  | 'numCalls'
  | 'interval'
  | 'json'
  | 'save'
  | 'title'
  | 'notes'
  | 'tag';

const WRK_OPTIONS: OptionSpec<WrkKey>[] = [
  { key: 'threads', names: ['-t', '--threads'], takesValue: true },
  { key: 'connections', names: ['-c', '--connections'], takesValue: true },
  { key: 'duration', names: ['-d', '--duration'], takesValue: true },
  { key: 'rate', names: ['-R', '--rate'], takesValue: true },
  { key: 'header', names: ['-H', '--header'], takesValue: true },
  { key: 'timeout', names: ['-T', '--timeout'], takesValue: true },
  { key: 'latency', names: ['-L', '--latency', '-U', '--u_latency'], takesValue: false },
  { key: 'script', names: ['-s', '--script'], takesValue: true },
  { key: 'batch', names: ['-B', '--batch_latency'], takesValue: false },
  { key: 'version', names: ['-v', '--version'], takesValue: false },
];

const LOADLAB_OPTIONS: OptionSpec<WrkKey>[] = [
  { key: 'method', names: ['--method'], takesValue: true },
  { key: 'body', names: ['--body'], takesValue: true },
  { key: 'bodyFile', names: ['--body-file'], takesValue: true },
  { key: 'noKeepAlive', names: ['--no-keep-alive'], takesValue: false },
  { key: 'connRate', names: ['--conn-rate'], takesValue: true },
  { key: 'numConns', names: ['--num-conns'], takesValue: true },
  { key: 'numCalls', names: ['--num-calls'], takesValue: true },
  { key: 'interval', names: ['--interval'], takesValue: true },
  { key: 'json', names: ['--json'], takesValue: true },
  { key: 'save', names: ['--save'], takesValue: false },
  { key: 'title', names: ['--title'], takesValue: true },
  { key: 'notes', names: ['--notes'], takesValue: true },
  { key: 'tag', names: ['--tag'], takesValue: true },
];

const WRK_DEFAULTS: Partial<LoadDraft> = {
  mode: 'max',
  threads: '2',
  connections: '10',
  duration: '10s',
  timeout: '2s',
  method: 'GET',
  headers: '',
  body: '',
  keepAlive: true,
};

/** `words` are the arguments after the program name. */
export function parseWrkWords(words: readonly string[], program: 'wrk' | 'wrk2' | 'loadlab bench'): ParsedCommand {
  const loadlab = program === 'loadlab bench';
  const specs = loadlab ? [...WRK_OPTIONS, ...LOADLAB_OPTIONS] : WRK_OPTIONS;
  const scan = scanOptions(words, specs, program);
  const problems = [...scan.problems];
  const notes: string[] = [];
  const changes: Partial<LoadDraft> = { ...WRK_DEFAULTS };
  const headers: [string, string][] = [];
  const tags: string[] = [];
  let connRate: string | null = null;
  let numConns: string | null = null;
  let durationMs = 10_000;
  const take = valueTaker(problems);

  for (const option of scan.options) {
    const value = option.value ?? '';
    switch (option.key) {
      case 'threads':
        take(countValue(option.name, value), (text) => (changes.threads = text));
        break;
      case 'connections':
        take(countValue(option.name, value), (text) => (changes.connections = text));
        break;
      case 'duration':
        take(durationValue(option.name, value), (text, ms) => {
          changes.duration = text;
          durationMs = ms;
        });
        break;
      case 'rate':
        take(rateValue(option.name, value), (text) => {
          changes.rate = text;
          changes.mode = 'rate';
        });
        break;
      case 'timeout':
        take(durationValue(option.name, value), (text) => (changes.timeout = text));
        break;
      case 'header': {
        const header = headerValue(option.name, value);
        if (!header.ok) problems.push(header.problem);
        else if (header.header[0].toLowerCase() === 'connection' && header.header[1].toLowerCase() === 'close') {
          changes.keepAlive = false;
          notes.push('-H "Connection: close" read as keep-alive off (a new connection per request)');
        } else headers.push(header.header);
        break;
      }
      case 'latency':
        break;
      case 'script':
        notes.push(`ignored -s ${value}: Lua scripts are not run; set the method, headers and body in the form`);
        break;
      case 'batch':
        notes.push(`ignored ${option.name}: latency is always measured from the schedule (and apart, from the send)`);
        break;
      case 'version':
        notes.push(`ignored ${option.name}`);
        break;
      case 'method':
        if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value)) changes.method = value.toUpperCase();
        else problems.push(`--method expects an HTTP method such as GET or POST, got "${value}"`);
        break;
      case 'body':
        changes.body = value;
        break;
      case 'bodyFile':
        notes.push(`ignored --body-file ${value}: paste the body into the form`);
        break;
      case 'noKeepAlive':
        changes.keepAlive = false;
        break;
      case 'connRate':
        take(rateValue(option.name, value), (text) => (connRate = text));
        break;
      case 'numConns':
        take(countValue(option.name, value), (text) => (numConns = text));
        break;
      case 'numCalls':
        take(countValue(option.name, value), (text) => (changes.numCalls = text));
        break;
      case 'interval':
        notes.push(`ignored ${option.name}: the live view samples once a second`);
        break;
      case 'json':
      case 'save':
      case 'notes':
        notes.push(`ignored ${option.name}: every run is saved to the journal`);
        break;
      case 'title':
        changes.title = value;
        break;
      case 'tag':
        tags.push(value);
        break;
    }
  }
  if (headers.length > 0) changes.headers = formatHeaderLines(headers);
  if (tags.length > 0) changes.tags = tags.join(', ');
  applyConnRate(changes, { connRate, numConns, durationMs }, problems);
  if (program === 'wrk2' && changes.mode !== 'rate' && changes.mode !== 'conn-rate') notes.push('wrk2 needs -R; without it this runs as wrk does, as fast as the connections go');

  if (scan.positionals.length > 1) problems.push(`${program}: one URL expected, got ${scan.positionals.join(' ')}`);
  const url = scan.positionals[0];
  if (url !== undefined) {
    if (!/^https?:\/\//i.test(url)) problems.push(`${program}: the URL must start with http://, got "${url}"`);
    changes.targetKind = 'url';
    changes.url = url;
  } else {
    notes.push('no URL given: the target is left as it was');
  }
  if (problems.length > 0) return { ok: false, problems };
  const tool: CommandTool = program === 'wrk' && changes.mode === 'rate' ? 'wrk2' : program;
  return { ok: true, tool, changes, notes };
}

/** `loadlab bench --conn-rate N [--num-conns M]`: connection-rate mode; without --num-conns, rate × duration. */
function applyConnRate(
  changes: Partial<LoadDraft>,
  { connRate, numConns, durationMs }: { connRate: string | null; numConns: string | null; durationMs: number },
  problems: string[],
): void {
  if (connRate === null) {
    if (numConns !== null) problems.push('--num-conns needs --conn-rate');
    return;
  }
  if (changes.mode === 'rate') problems.push('-R cannot be combined with --conn-rate');
  changes.mode = 'conn-rate';
  changes.connRate = connRate;
  changes.numConns = numConns ?? String(Math.max(1, Math.round((Number(connRate) * durationMs) / 1000)));
}

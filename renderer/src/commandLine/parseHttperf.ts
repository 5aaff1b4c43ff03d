// httperf command lines (and `loadlab httperf`) into the load form: connection-rate mode, a new
// connection every 1/rate s with --num-calls requests on it. Unset options take httperf's defaults.
import { formatHeaderLines, type LoadDraft } from '../loadForm/draft.ts';
import { scanOptions, type OptionSpec } from './options.ts';
import type { ParsedCommand } from './parsed.ts';
import { countValue, headerValue, rateValue, secondsValue, valueTaker } from './values.ts';

type HttperfKey = 'server' | 'port' | 'uri' | 'rate' | 'period' | 'numConns' | 'numCalls' | 'timeout' | 'method' | 'addHeader' | 'threads' | 'ignoredValue' | 'ignoredFlag' | 'unsupported' | 'ssl';

const OPTIONS: OptionSpec<HttperfKey>[] = [
  { key: 'server', names: ['--server'], takesValue: true },
  { key: 'port', names: ['--port'], takesValue: true },
  { key: 'uri', names: ['--uri'], takesValue: true },
  { key: 'rate', names: ['--rate'], takesValue: true },
  { key: 'period', names: ['--period'], takesValue: true },
  { key: 'numConns', names: ['--num-conns'], takesValue: true },
  { key: 'numCalls', names: ['--num-calls'], takesValue: true },
  { key: 'timeout', names: ['--timeout'], takesValue: true },
  { key: 'method', names: ['--method'], takesValue: true },
  { key: 'addHeader', names: ['--add-header'], takesValue: true },
  { key: 'threads', names: ['-t', '--threads'], takesValue: true },
  // Tuning of httperf itself, with nothing to set here.
  { key: 'ignoredValue', names: ['--client', '--send-buffer', '--recv-buffer', '--max-connections', '--max-piped-calls', '--http-version', '--think-timeout', '--json', '--title', '--notes', '--tag'], takesValue: true },
  { key: 'ignoredFlag', names: ['--hog', '-v', '--verbose', '--save', '--retry-on-failure', '--close-with-reset'], takesValue: false },
  { key: 'unsupported', names: ['--wsess', '--wsesslog', '--wlog', '--wset', '--burst-length'], takesValue: true },
  // https (the certificate is verified, as loadlab httperf --ssl does; httperf itself never verifies).
  { key: 'ssl', names: ['--ssl'], takesValue: false },
];

export function parseHttperfWords(words: readonly string[], program: 'httperf' | 'loadlab httperf'): ParsedCommand {
  const scan = scanOptions(words, OPTIONS, program);
  const problems = [...scan.problems];
  const notes: string[] = [];
  const headers: [string, string][] = [];
  let server = 'localhost';
  let port: string | null = null;
  let ssl = false;
  let uri = '/';
  const changes: Partial<LoadDraft> = {
    mode: 'conn-rate',
    threads: '1',
    numConns: '1',
    numCalls: '1',
    // httperf waits forever without --timeout; Loadlab's httperf gives up after 5 s.
    timeout: '5s',
    method: 'GET',
    headers: '',
    body: '',
    keepAlive: true,
  };
  let rateGiven = false;
  const take = valueTaker(problems);

  for (const option of scan.options) {
    const value = option.value ?? '';
    switch (option.key) {
      case 'server':
        server = value;
        break;
      case 'port':
        take(countValue(option.name, value), (text, n) => {
          if (n > 65_535) problems.push(`--port must be 1-65535, got ${value}`);
          port = text;
        });
        break;
      case 'uri':
        uri = value.startsWith('/') ? value : `/${value}`;
        break;
      case 'rate':
        take(rateValue(option.name, value), (text) => (changes.connRate = text));
        rateGiven = true;
        break;
      case 'period':
        readPeriod(value, changes, notes, problems);
        rateGiven = true;
        break;
      case 'numConns':
        take(countValue(option.name, value), (text) => (changes.numConns = text));
        break;
      case 'numCalls':
        take(countValue(option.name, value), (text) => (changes.numCalls = text));
        break;
      case 'timeout':
        take(secondsValue(option.name, value), (text) => (changes.timeout = text));
        break;
      case 'method':
        changes.method = value.toUpperCase();
        break;
      case 'addHeader':
        for (const line of value.split(/\\n|\n/).filter((part) => part.trim() !== '')) {
          const header = headerValue(option.name, line);
          if (header.ok) headers.push(header.header);
          else problems.push(header.problem);
        }
        break;
      case 'threads':
        take(countValue(option.name, value), (text) => (changes.threads = text));
        break;
      case 'ignoredValue':
      case 'ignoredFlag':
        if (!['--client', '--hog', '--send-buffer', '--recv-buffer'].includes(option.name)) notes.push(`ignored ${option.name}`);
        break;
      case 'unsupported':
        problems.push(`${option.name} (sessions, bursts) is not supported; use --rate, --num-conns and --num-calls`);
        break;
      case 'ssl':
        ssl = true;
        break;
    }
  }
  if (!rateGiven) problems.push(`${program}: give --rate (Loadlab opens connections on a schedule)`);
  if (scan.positionals.length > 0) problems.push(`${program}: unexpected ${scan.positionals.join(' ')}`);
  if (headers.length > 0) changes.headers = formatHeaderLines(headers);
  const host = server.includes(':') && !server.startsWith('[') ? `[${server}]` : server;
  changes.targetKind = 'url';
  changes.url = `${ssl ? 'https' : 'http'}://${host}:${port ?? (ssl ? '443' : '80')}${uri}`;
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, tool: program, changes, notes };
}

/** --period d0.1 (fixed gap, s); u/e are random gaps, run here evenly at the same mean rate. */
function readPeriod(value: string, changes: Partial<LoadDraft>, notes: string[], problems: string[]): void {
  const match = /^([due]?)(\d*\.?\d+)(?:,(\d*\.?\d+))?$/.exec(value.trim());
  if (!match) {
    problems.push(`--period expects d<T>, u<T1>,<T2> or e<T> seconds, got "${value}"`);
    return;
  }
  const kind = match[1] === '' ? 'd' : match[1];
  const first = Number(match[2]);
  const meanS = kind === 'u' ? (first + Number(match[3] ?? first)) / 2 : first;
  if (!(meanS > 0)) {
    problems.push(`--period must be above 0, got "${value}"`);
    return;
  }
  changes.connRate = String(Number((1 / meanS).toPrecision(6)));
  if (kind !== 'd') notes.push(`--period ${value}: the form spaces connections evenly at the same mean rate (${changes.connRate}/s); loadlab httperf keeps random spacing`);
}

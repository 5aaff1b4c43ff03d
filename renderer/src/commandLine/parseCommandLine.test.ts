import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parseCommandLine.ts';
import type { ParsedCommand } from './parsed.ts';

function ok(text: string): Extract<ParsedCommand, { ok: true }> {
  const parsed = parseCommandLine(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.problems.join('; ')}`);
  return parsed;
}

function problems(text: string): string[] {
  const parsed = parseCommandLine(text);
  if (parsed.ok) throw new Error(`expected ${text} not to parse`);
  return parsed.problems;
}

describe('wrk and wrk2', () => {
  it("the seed journal's command", () => {
    const parsed = ok('wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/');
    expect(parsed.tool).toBe('wrk2');
    expect(parsed.changes).toEqual({
      mode: 'rate',
      threads: '12',
      connections: '400',
      duration: '30s',
      rate: '1000',
      timeout: '2s',
      method: 'GET',
      headers: '',
      body: '',
      keepAlive: true,
      targetKind: 'url',
      url: 'http://localhost:7878/',
    });
    expect(parsed.notes).toEqual([]);
  });

  it.each([
    // [case, command, expected changes (subset)]
    ['separate values', 'wrk -t 4 -c 64 -d 2m http://h/', { threads: '4', connections: '64', duration: '2m', mode: 'max' }],
    ['long options with =', 'wrk --threads=3 --connections=30 --duration=500ms --rate=2k http://h/', { threads: '3', connections: '30', duration: '500ms', rate: '2000', mode: 'rate' }],
    ['long options with a space', 'wrk2 --threads 3 --rate 250 http://h/', { threads: '3', rate: '250' }],
    ['metric suffixes', 'wrk -c1k -R1.5k http://h/', { connections: '1000', rate: '1500' }],
    ['a bare duration is seconds', 'wrk -d 5 http://h/', { duration: '5s' }],
    ['wrk defaults fill what is not given', 'wrk http://h/', { threads: '2', connections: '10', duration: '10s', timeout: '2s', mode: 'max' }],
    ['--timeout', 'wrk --timeout 5s http://h/', { timeout: '5s' }],
    ['-T', 'wrk -T 750ms http://h/', { timeout: '750ms' }],
    ['headers, quoted', `wrk -H 'Accept: text/plain' -H "X-Trace: a b" http://h/`, { headers: 'Accept: text/plain\nX-Trace: a b' }],
  ])('%s', (_name, command, expected) => {
    expect(ok(command).changes).toMatchObject(expected);
  });

  it('reads -H "Connection: close" as keep-alive off, with a note', () => {
    const parsed = ok('wrk -H "Connection: close" http://h/');
    expect(parsed.changes).toMatchObject({ keepAlive: false, headers: '' });
    expect(parsed.notes.join()).toMatch(/keep-alive off/);
  });

  it('-L and -U are accepted silently (both latencies are always kept)', () => {
    expect(ok('wrk -L -U -R10 http://h/').notes).toEqual([]);
  });

  it('notes what it cannot do: Lua scripts', () => {
    const parsed = ok('wrk -s post.lua http://h/');
    expect(parsed.notes.join()).toMatch(/ignored -s post\.lua/);
  });

  it('wrk2 without -R runs max mode, with a note', () => {
    const parsed = ok('wrk2 -t2 -c10 http://h/');
    expect(parsed.changes.mode).toBe('max');
    expect(parsed.notes.join()).toMatch(/wrk2 needs -R/);
  });

  it('only flags: the target is left alone', () => {
    const parsed = ok('-t12 -c400 -d30s -R1000');
    expect(parsed.changes.targetKind).toBeUndefined();
    expect(parsed.changes.url).toBeUndefined();
    expect(parsed.notes.join()).toMatch(/no URL/);
  });

  it('a path to the program, a prompt and a wrapper', () => {
    expect(ok('$ sudo /usr/local/bin/wrk -t1 -c1 http://h/').changes.threads).toBe('1');
  });

  it('finds the command in a pasted journal entry and ignores a pipe', () => {
    const entry = '### 002\n\nRequests/sec: 993.61\n\n```txt\nwrk -t12 -c400 -d30s -R1000 http://localhost:7878/ | tee log\nRunning 30s test @ http://localhost:7878/\n```';
    const parsed = ok(entry);
    expect(parsed.changes).toMatchObject({ threads: '12', rate: '1000', url: 'http://localhost:7878/' });
    expect(parsed.notes).toEqual(['ignored what follows the command: | tee log']);
  });

  it('joins backslash continuations', () => {
    expect(ok('wrk -t2 \\\n  -c20 \\\n  http://h/').changes).toMatchObject({ threads: '2', connections: '20', url: 'http://h/' });
  });

  it.each([
    ['an unknown option', 'wrk -x http://h/', /unknown option -x/],
    ['a missing value', 'wrk http://h/ -t', /-t needs a value/],
    ['a bad count', 'wrk -t0 http://h/', /-t expects a whole number/],
    ['a fractional count', 'wrk -c2.5 http://h/', /-c expects a whole number/],
    ['a bad duration', 'wrk -d soon http://h/', /-d expects a duration/],
    ['a bad rate', 'wrk -R0 http://h/', /-R expects a number above 0/],
    ['a header without a colon', 'wrk -H nocolon http://h/', /-H expects "Name: value"/],
    ['two URLs', 'wrk http://a/ http://b/', /one URL expected/],
    ['not a URL', 'wrk localhost:7878', /must start with http/],
    ['an unclosed quote', `wrk -H 'a: b http://h/`, /quote is not closed/],
    ['another program', 'ab -n 100 http://h/', /ab is not wrk/],
    ['nothing', '   ', /paste a wrk/],
  ])('sad path: %s', (_name, command, message) => {
    expect(problems(command).join('\n')).toMatch(message);
  });
});

describe('httperf', () => {
  it("the seed journal's command", () => {
    const parsed = ok('httperf --server localhost --port 7878 --num-conns 1000 --rate 10');
    expect(parsed.tool).toBe('httperf');
    expect(parsed.changes).toEqual({
      mode: 'conn-rate',
      threads: '1',
      numConns: '1000',
      numCalls: '1',
      connRate: '10',
      timeout: '5s',
      method: 'GET',
      headers: '',
      body: '',
      keepAlive: true,
      targetKind: 'url',
      url: 'http://localhost:7878/',
    });
  });

  it('the form httperf echoes, with = and tuning flags it ignores quietly', () => {
    const parsed = ok('httperf --client=0/1 --server=localhost --port=7878 --uri=/ --rate=10 --send-buffer=4096 --recv-buffer=16384 --num-conns=1000 --num-calls=1');
    expect(parsed.changes).toMatchObject({ url: 'http://localhost:7878/', connRate: '10', numConns: '1000', numCalls: '1' });
    expect(parsed.notes).toEqual([]);
  });

  it('--uri, --num-calls, --timeout in seconds, --method, --add-header with \\n', () => {
    const parsed = ok(`httperf --server h --port 8080 --uri /x?y=1 --rate 50 --num-conns 200 --num-calls 5 --timeout 0.5 --method post --add-header 'X-A: b\\n'`);
    expect(parsed.changes).toMatchObject({ url: 'http://h:8080/x?y=1', numCalls: '5', timeout: '500ms', method: 'POST', headers: 'X-A: b' });
  });

  it('a URI without its slash gets one; defaults are localhost:80', () => {
    expect(ok('httperf --uri x --rate 1').changes.url).toBe('http://localhost:80/x');
  });

  it('--ssl is https, port 443 unless given (the flag takes no value)', () => {
    expect(ok('httperf --ssl --server example.test --rate 1').changes.url).toBe('https://example.test:443/');
    expect(ok('httperf --server h --port 8443 --ssl --uri /x --rate 1').changes.url).toBe('https://h:8443/x');
  });

  it('--period d is a fixed rate; e and u run evenly at their mean rate, with a note', () => {
    expect(ok('httperf --period d0.1').changes.connRate).toBe('10');
    const poisson = ok('httperf --period e0.05');
    expect(poisson.changes.connRate).toBe('20');
    expect(poisson.notes.join()).toMatch(/evenly at the same mean rate/);
    expect(ok('httperf --period u0.1,0.3').changes.connRate).toBe('5');
  });

  it('-t is the loadlab extension', () => {
    expect(ok('loadlab httperf --rate 10 -t 2').changes.threads).toBe('2');
  });

  it.each([
    ['no rate', 'httperf --server h --num-conns 10', /give --rate/],
    ['sessions', 'httperf --wsess 10,5,2 --rate 1', /--wsess .* is not supported/],
    ['a bad port', 'httperf --port 70000 --rate 1', /--port must be 1-65535/],
    ['a bad period', 'httperf --period x1', /--period expects/],
    ['a stray word', 'httperf --rate 1 extra', /unexpected extra/],
  ])('sad path: %s', (_name, command, message) => {
    expect(problems(command).join('\n')).toMatch(message);
  });
});

describe('loadlab bench', () => {
  it('reads its extra flags', () => {
    const parsed = ok(`npx loadlab bench -t2 -c8 -d5s -R100 --method PUT --body '{"a":1}' --no-keep-alive --title 'pool run' --tag pool --tag ka http://h/`);
    expect(parsed.tool).toBe('loadlab bench');
    expect(parsed.changes).toMatchObject({ method: 'PUT', body: '{"a":1}', keepAlive: false, title: 'pool run', tags: 'pool, ka' });
  });

  it('--conn-rate is connection-rate mode; --num-conns defaults to rate × duration', () => {
    expect(ok('loadlab bench --conn-rate 20 -d 3s http://h/').changes).toMatchObject({ mode: 'conn-rate', connRate: '20', numConns: '60' });
    expect(ok('node bin/loadlab.js bench --conn-rate 20 --num-conns 7 http://h/').changes.numConns).toBe('7');
  });

  it('wrk does not take loadlab flags', () => {
    expect(problems('wrk --method POST http://h/').join()).toMatch(/unknown option --method/);
  });

  it.each([
    ['-R with --conn-rate', 'loadlab bench -R10 --conn-rate 5 http://h/', /cannot be combined/],
    ['--num-conns alone', 'loadlab bench --num-conns 5 http://h/', /--num-conns needs --conn-rate/],
    ['another subcommand', 'loadlab journal list', /only loadlab bench and loadlab httperf/],
  ])('sad path: %s', (_name, command, message) => {
    expect(problems(command).join('\n')).toMatch(message);
  });
});

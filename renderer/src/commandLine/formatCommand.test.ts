import { describe, expect, it } from 'vitest';
import { defaultDraft, type LoadDraft } from '../loadForm/draft.ts';
import { toRunParams, type RunParams } from '../loadForm/toRunParams.ts';
import { formatCommand, shellQuote } from './formatCommand.ts';
import { parseCommandLine } from './parseCommandLine.ts';

function params(changes: Partial<LoadDraft>): RunParams {
  const result = toRunParams({ ...defaultDraft, ...changes });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.params;
}

describe('formatCommand', () => {
  it("prints the seed's wrk2 command", () => {
    const command = formatCommand(params({ targetKind: 'url', url: 'http://localhost:7878/', threads: '12', connections: '400', duration: '30s', rate: '1000' }), null);
    expect(command.tool).toBe('wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/');
    expect(command.caveats).toEqual([]);
    expect(command.loadlab).toBe('loadlab bench -t12 -c400 -d30s -R1000 --save --latency http://localhost:7878/');
  });

  it('skipping certificate verification is --insecure for loadlab', () => {
    const command = formatCommand(params({ targetKind: 'url', url: 'https://localhost:8443/', duration: '30s', rate: '1000', insecure: true }), null);
    expect(command.loadlab).toBe('loadlab bench -t2 -c10 -d30s -R1000 --insecure --save --latency https://localhost:8443/');
  });

  it('trusts the built-in TLS server certificate with --ca, only for the built-in target', () => {
    expect(formatCommand(params({ duration: '30s', rate: '1000' }), 'https://127.0.0.1:41234', '/home/u/.config/Loadlab/tls/localhost-cert.pem').loadlab).toBe(
      'loadlab bench -t2 -c10 -d30s -R1000 --ca /home/u/.config/Loadlab/tls/localhost-cert.pem --save --latency https://127.0.0.1:41234/',
    );
    expect(formatCommand(params({ targetKind: 'url', url: 'https://example.test/' }), 'https://127.0.0.1:41234', '/c.pem').loadlab).not.toContain('--ca');
  });

  it('uses the built-in server URL, or a placeholder before it runs', () => {
    expect(formatCommand(params({ path: '/work' }), 'http://127.0.0.1:41234').tool).toMatch(/ http:\/\/127\.0\.0\.1:41234\/work$/);
    expect(formatCommand(params({}), null).tool).toMatch(/ http:\/\/127\.0\.0\.1:PORT\/$/);
  });

  it('max mode has no -R; keep-alive off is -H "Connection: close" for wrk, --no-keep-alive for loadlab', () => {
    const command = formatCommand(params({ mode: 'max', keepAlive: false, timeout: '5s', headers: 'X-A: b c' }), 'http://h:1');
    expect(command.tool).toBe(`wrk -t2 -c10 -d10s --timeout 5s -H 'X-A: b c' -H 'Connection: close' --latency http://h:1/`);
    expect(command.loadlab).toContain('--no-keep-alive');
  });

  it('says what wrk cannot take on its command line: method and body', () => {
    const command = formatCommand(params({ method: 'POST', body: `{"it's":1}` }), 'http://h:1');
    expect(command.caveats.join()).toMatch(/Lua script/);
    expect(command.loadlab).toContain(`--method POST --body '{"it'\\''s":1}'`);
  });

  it("prints the seed's httperf command", () => {
    const command = formatCommand(params({ mode: 'conn-rate', targetKind: 'url', url: 'http://localhost:7878/', threads: '1', connRate: '10', numConns: '1000', numCalls: '1', timeout: '5s' }), null);
    expect(command.tool).toBe('httperf --server localhost --port 7878 --uri / --rate 10 --num-conns 1000 --num-calls 1 --timeout 5');
    expect(command.loadlab).toBe('loadlab httperf --server localhost --port 7878 --uri / --rate 10 --num-conns 1000 --num-calls 1 --timeout 5 --save');
  });

  it('httperf caveats: body and threads', () => {
    const command = formatCommand(params({ mode: 'conn-rate', threads: '2', body: 'x' }), 'http://h:1');
    expect(command.caveats).toHaveLength(2);
  });

  it.each([
    'wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/',
    `wrk -t2 -c10 -d2m --timeout 5s -H 'X-A: b c' --latency http://h:1/x`,
    'httperf --server localhost --port 7878 --uri /x --rate 10 --num-conns 1000 --num-calls 3 --timeout 5',
  ])('round trip: %s', (command) => {
    const parsed = parseCommandLine(command);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(formatCommand(params(parsed.changes), null).tool).toBe(command);
  });

  it('round trip through loadlab: every field survives', () => {
    const original = params({ targetKind: 'url', url: 'http://h:1/p', mode: 'rate', threads: '3', connections: '9', duration: '1500ms', rate: '250', timeout: '1s', method: 'PUT', headers: 'A: b', body: 'x y', keepAlive: false, title: 'T', tags: 'a, b' });
    const parsed = parseCommandLine(formatCommand(original, null).loadlab);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(params(parsed.changes)).toEqual(original);
  });
});

describe('shellQuote', () => {
  it.each([
    ['-t12', '-t12'],
    ['http://h:1/x', 'http://h:1/x'],
    ['a b', `'a b'`],
    ['', `''`],
    [`it's`, `'it'\\''s'`],
    ['/x?y=1&z', `'/x?y=1&z'`],
  ])('%s → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

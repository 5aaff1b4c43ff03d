import { describe, expect, it } from 'vitest';
import { readCommand } from './commandLine.ts';
import { parseWrkArgs } from './wrkCommand.ts';

function invocation(line: string): ReturnType<typeof parseWrkArgs> {
  const command = readCommand(line);
  if (!command) throw new Error(`not a command: ${line}`);
  return parseWrkArgs(command.args);
}

describe('wrk and wrk2 flags', () => {
  it('reads the seed journal command', () => {
    expect(invocation('wrk -t12 -c400 -d30s -R1000 http://localhost:7878/')).toMatchObject({ threads: 12, connections: 400, durationMs: 30_000, ratePerSec: 1000, url: 'http://localhost:7878/', closesConnections: false });
  });

  it('reads separate values, SI suffixes, headers and the timeout', () => {
    const parsed = invocation('wrk -t 2 -c 1k -d 2m -R 10k --timeout 5s -H "Connection: close" -H "X-A: b" http://h/');
    expect(parsed).toMatchObject({ threads: 2, connections: 1000, durationMs: 120_000, ratePerSec: 10_000, timeoutMs: 5000, closesConnections: true });
    expect(parsed.headers).toEqual([['Connection', 'close'], ['X-A', 'b']]);
  });

  it('finds the URL before the flags and the script', () => {
    expect(invocation("wrk 'http://127.0.0.1:6200/ping' --latency")).toMatchObject({ url: 'http://127.0.0.1:6200/ping', threads: null, ratePerSec: null });
    expect(invocation('wrk -c 1 -t 1 -R 500 -L http://localhost:19234 -s get.lua').script).toBe('get.lua');
  });

  it('leaves what is not given unknown', () => {
    expect(invocation('wrk http://x/')).toMatchObject({ threads: null, connections: null, durationMs: null, ratePerSec: null, timeoutMs: null, method: null });
  });
});

import { describe, expect, it } from 'vitest';
import { readCommand } from './commandLine.ts';
import { parseHttperfArgs } from './httperfCommand.ts';

function invocation(line: string): ReturnType<typeof parseHttperfArgs> {
  return parseHttperfArgs(readCommand(line)?.args ?? []);
}

describe('httperf flags', () => {
  it('reads the echoed form', () => {
    expect(invocation('httperf --hog --timeout=60 --client=0/1 --server=localhost --port=8080 --uri=/rails --rate=100 --send-buffer=4096 --recv-buffer=16384 --num-conns=1000 --num-calls=10 --burst-length=2')).toMatchObject({
      server: 'localhost',
      port: 8080,
      uri: '/rails',
      ratePerSec: 100,
      numConns: 1000,
      numCalls: 10,
      timeoutS: 60,
      ssl: false,
    });
  });

  it('reads the typed form, booleans not eating values', () => {
    expect(invocation('httperf --hog --server localhost --port 8080 --uri / --num-conns=25 --num-calls=10000  --rate 1')).toMatchObject({ server: 'localhost', port: 8080, uri: '/', numConns: 25, numCalls: 10000, ratePerSec: 1 });
  });

  it('reads --period, --ssl, --method and --add-header; rate 0 is "one after another"', () => {
    const parsed = invocation("httperf --server s --ssl --rate 0 --period=e0.1 --method=POST --add-header='Content-Type: application/json\\nAuthorization: Basic YmVuY2g6YmVuY2g\\n'");
    expect(parsed).toMatchObject({ ssl: true, ratePerSec: null, period: 'e0.1', method: 'POST' });
    expect(parsed.headers).toEqual([['Content-Type', 'application/json'], ['Authorization', 'Basic YmVuY2g6YmVuY2g']]);
  });
});

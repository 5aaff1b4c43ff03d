import { describe, expect, it } from 'vitest';
import { parseAutocannonArgs } from './autocannonCommand.ts';
import { readCommand } from './commandLine.ts';

describe('autocannon flags', () => {
  it('reads the watt-poc command', () => {
    const command = readCommand('npx autocannon -c 100 -d 10 -p 10 http://localhost:3043/tsfastify/tcp');
    expect(parseAutocannonArgs(command?.args ?? [])).toMatchObject({ connections: 100, durationS: 10, overallRatePerSec: null, connectionRatePerSec: null });
  });

  it('reads rates, method and headers in both forms', () => {
    const parsed = parseAutocannonArgs(['-R', '500', '-r', '5', '-m', 'POST', '-H', 'accept=text/plain', '-H', 'x-a: b=c', 'http://h/']);
    expect(parsed).toMatchObject({ overallRatePerSec: 500, connectionRatePerSec: 5, method: 'POST' });
    expect(parsed.headers).toEqual([['accept', 'text/plain'], ['x-a', 'b=c']]);
  });
});

// The default title reads like the command line, and runs that differ only by the server's
// keep-alive do not share one (issue 11, item 10).
import { describe, expect, it } from 'vitest';
import { runStartParamsSchema } from '../common/labApi.ts';
import { defaultRunTitle } from './runParams.ts';

const params = runStartParamsSchema.parse({ target: { kind: 'builtin', path: '/' }, mode: 'rate', threads: 12, connections: 400, durationMs: 2000, ratePerSec: 1000 });
const server = (keepAlive: boolean) => ({ kind: 'builtin' as const, model: 'pool-shared' as const, settings: { workers: 4, keepAlive } });

describe('defaultRunTitle', () => {
  it('names the server keep-alive when it is off', () => {
    expect(defaultRunTitle(params, server(true))).toBe('pool-shared ×4 · -t12 -c400 -d2s -R1000');
    expect(defaultRunTitle(params, server(false))).toBe('pool-shared ×4, keep-alive off · -t12 -c400 -d2s -R1000');
  });

  it('names the client keep-alive when it is off', () => {
    expect(defaultRunTitle({ ...params, keepAlive: false }, server(true))).toBe('pool-shared ×4 · -t12 -c400 -d2s -R1000 --no-keep-alive');
  });
});

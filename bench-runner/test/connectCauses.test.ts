// Integration: connect errors are counted by cause, so a refused target or a name that does not
// resolve is named as such after the run instead of passing for a slow server (issue 11, item 6).
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { refusedPort, testConfig } from './servers.ts';

describe('connect errors by cause (loopback)', () => {
  it('a refused port: every connect error is "refused"', async () => {
    const port = await refusedPort();
    const { summary } = await startRun(testConfig(`http://127.0.0.1:${port}/`, { threads: 1, connections: 2, durationMs: 500 })).result;
    expect(summary.errors.connect).toBeGreaterThan(0);
    expect(summary.connectErrorCauses).toEqual({ refused: summary.errors.connect, reset: 0, timeout: 0, notResolved: 0, other: 0 });
  });

  it('a name that does not resolve: "notResolved"', async () => {
    // .invalid never resolves (RFC 6761).
    const { summary } = await startRun(testConfig('http://no-such-host.invalid:8080/', { threads: 1, connections: 1, durationMs: 500 })).result;
    expect(summary.errors.connect).toBeGreaterThan(0);
    expect(summary.connectErrorCauses).toEqual({ refused: 0, reset: 0, timeout: 0, notResolved: summary.errors.connect, other: 0 });
  });
});

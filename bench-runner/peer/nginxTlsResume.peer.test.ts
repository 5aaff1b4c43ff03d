// Peer test of TLS session resumption against Debian's nginx (`ssl_session_cache`), which logs
// for every request whether its connection resumed a session ($ssl_session_reused: "r" or ".").
// On by default: a new connection offers the previous one's session, and the record's resumed
// count is what nginx saw. Turned off: nginx sees no resumption, and the record says it was off.
// Fails (does not skip) in CI when nginx is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalErrors, type MeasuredRunRecord } from '../../common/runRecord.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import type { BenchConfig } from '../config.ts';
import { startRun } from '../run.ts';
import { testConfig } from '../test/servers.ts';
import { createTestPki, type TestPki } from '../test/tlsServers.ts';

const available = hasProgram('nginx', 'nginx-light');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;
const CONNECTIONS = 20;

describePeer('TLS session resumption against nginx', () => {
  let pki: TestPki;
  let nginx: NginxServer;

  beforeAll(async () => {
    pki = await createTestPki();
    nginx = await startNginx({ workers: 1, tls: pki.good, accessLog: '$ssl_session_reused' });
  });

  afterAll(async () => {
    await nginx?.stop();
    pki?.remove();
  });

  /** nginx's view of the requests logged since `from`: how many came on a resumed session. */
  async function nginxSaw(from: number): Promise<{ requests: number; resumed: number }> {
    const lines = (await nginx.accessLog()).slice(from);
    return { requests: lines.length, resumed: lines.filter((line) => line === 'r').length };
  }

  /** Connection-rate mode, one request per connection: every request is a new connection's first. */
  function run(resume: boolean): Promise<MeasuredRunRecord> {
    const tls: NonNullable<BenchConfig['tls']> = { insecure: false, caFile: pki.caFile, resume };
    return startRun(testConfig(nginx.url, { threads: 1, durationMs: 5000, tls, connRate: { numConns: CONNECTIONS, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 40 } } })).result;
  }

  it('on by default: reconnects resume, and the record counts what nginx saw', async () => {
    const before = (await nginx.accessLog()).length;
    const record = await run(true);
    expect(totalErrors(record.summary.errors)).toBe(0);
    expect(record.target.tls?.resume).toBe(true);
    const seen = await nginxSaw(before);
    expect(seen.requests).toBe(CONNECTIONS);
    expect(record.summary.tls?.handshakes).toBe(CONNECTIONS);
    expect(record.summary.tls?.resumed).toBe(seen.resumed);
    // Every connection that opens after the first handshake completes resumes; on a stalled
    // machine many could open before it, so only "some" is certain (the count is checked above).
    expect(seen.resumed).toBeGreaterThan(0);
  });

  it('turned off (--no-tls-resume, httperf --ssl-no-reuse): nginx sees full handshakes only', async () => {
    const before = (await nginx.accessLog()).length;
    const record = await run(false);
    expect(totalErrors(record.summary.errors)).toBe(0);
    expect(record.target.tls?.resume).toBe(false);
    expect(await nginxSaw(before)).toEqual({ requests: CONNECTIONS, resumed: 0 });
    expect(record.summary.tls?.resumed).toBe(0);
  });
});

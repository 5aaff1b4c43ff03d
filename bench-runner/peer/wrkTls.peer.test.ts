// Peer test over https: Debian's nginx with a certificate the test makes (a private CA it
// trusts with --ca), loaded by `loadlab bench` and by Debian's wrk (built with OpenSSL). Both
// must see only successful responses and read the same bytes per response. Fails (does not
// skip) in CI when nginx or wrk is missing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { parseWrkOutput, type WrkFigures } from '../../peers/wrkOutput.ts';
import type { MeasuredRunRecord } from '../../common/runRecord.ts';
import { benchConfigDefaults } from '../config.ts';
import { startRun } from '../run.ts';
import { createTestPki, type TestPki } from '../test/tlsServers.ts';

const run = promisify(execFile);
const available = hasProgram('nginx', 'nginx-light') && hasProgram('wrk', 'wrk');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;

describePeer('loadlab bench against wrk on nginx over https', () => {
  let pki: TestPki;
  let nginx: NginxServer;
  let wrk: WrkFigures;
  let ours: MeasuredRunRecord;

  beforeAll(async () => {
    pki = await createTestPki();
    nginx = await startNginx({ workers: 1, tls: pki.good });
    const { stdout } = await run(findProgram('wrk', 'wrk'), ['-t1', '-c10', '-d2s', nginx.url]);
    wrk = parseWrkOutput(stdout);
    ours = await startRun({ ...benchConfigDefaults, url: nginx.url, threads: 1, connections: 10, durationMs: 2000, tls: { insecure: false, caFile: pki.caFile, resume: true } }).result;
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    pki?.remove();
  });

  it('both see only successful responses; ours verified the certificate and made one handshake per connection', () => {
    expect(wrk.requests).toBeGreaterThan(0);
    expect(wrk.socketErrors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 });
    expect(wrk.non2xx3xx).toBe(0);
    expect(ours.summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0, tls: 0 });
    expect(Object.keys(ours.summary.statusCounts)).toEqual(['200']);
    expect(ours.target.tls?.insecure).toBe(false);
    expect(ours.summary.tls?.handshakes).toBe(10);
  });

  it('both read the same bytes per response', () => {
    const theirsPerResponse = wrk.bytesRead / wrk.requests;
    const oursPerResponse = ours.summary.bytesRead / ours.summary.requests;
    // wrk prints bytes with two decimals of KB/MB: allow that rounding.
    expect(oursPerResponse).toBeGreaterThan(theirsPerResponse * 0.98);
    expect(oursPerResponse).toBeLessThan(theirsPerResponse * 1.02);
  });
});

// Peer test over https: Debian's httperf --ssl and `loadlab httperf --ssl` (verifying through
// --ca; httperf verifies nothing) against Debian's nginx with a certificate the test makes.
// Both reports are read by the same parser. Fails (does not skip) in CI when a program is missing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema, totalErrors, type MeasuredRunRecord } from '../../common/runRecord.ts';
import { parseHttperfOutput, type HttperfFigures } from '../../peers/httperfOutput.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import { createTestPki, type TestPki } from '../test/tlsServers.ts';

const run = promisify(execFile);
const available = hasProgram('nginx', 'nginx-light') && hasProgram('httperf', 'httperf');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;
const bin = new URL('../../bin/loadlab.js', import.meta.url).pathname;

describePeer('loadlab httperf --ssl against httperf --ssl on nginx', () => {
  let pki: TestPki;
  let nginx: NginxServer;
  let dir: string;
  let theirs: HttperfFigures;
  /** nginx's $ssl_session_reused for each request of httperf's run, then of ours ("r" or "."). */
  let theirReuse: string[];
  let ourReuse: string[];
  let ours: HttperfFigures;
  let ourText: string;
  let record: MeasuredRunRecord;

  beforeAll(async () => {
    pki = await createTestPki();
    nginx = await startNginx({ workers: 1, tls: pki.good, accessLog: '$ssl_session_reused' });
    dir = await mkdtemp(join(tmpdir(), 'loadlab-httperf-tls-peer-'));
    const flags = ['--ssl', '--server', '127.0.0.1', '--port', String(nginx.port), '--rate', '50', '--num-conns', '50', '--num-calls', '2'];
    theirs = parseHttperfOutput((await run(findProgram('httperf', 'httperf'), flags, { timeout: 30_000 })).stdout);
    theirReuse = await nginx.accessLog();
    const jsonPath = join(dir, 'run.json');
    ourText = (await run(process.execPath, [bin, 'httperf', ...flags, '--ca', pki.caFile, '--json', jsonPath], { timeout: 30_000 })).stdout;
    ours = parseHttperfOutput(ourText);
    ourReuse = (await nginx.accessLog()).slice(theirReuse.length);
    record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    pki?.remove();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('same connection, request and reply counts, no errors on either side', () => {
    expect(theirs).toMatchObject({ connections: 50, requests: 100, replies: 100, repliesPerConn: 2 });
    expect(ours).toMatchObject({ connections: 50, requests: 100, replies: 100, repliesPerConn: 2 });
    expect(ours.replyStatus).toEqual(theirs.replyStatus);
    expect(theirs.errors.total).toBe(0);
    expect(totalErrors(record.summary.errors)).toBe(0);
  });

  it('same reply sizes, and the handshake timed apart for every connection', () => {
    expect(ours.replySizeB).toEqual(theirs.replySizeB);
    expect(record.summary.connRate?.tlsHandshakeUs?.count).toBe(50);
    expect(record.summary.tls?.handshakes).toBe(50);
    expect(ourText).toMatch(/^Connection time \[ms\]: TLS handshake \d+\.\d \(50 handshakes, \d+ resumed\)$/m);
    expect(ours.tlsHandshake).toMatchObject({ handshakes: 50, resumed: record.summary.tls?.resumed });
    expect(theirs.tlsHandshake).toBeNull();
  });

  it("httperf resumes no TLS session between the connections of a --num-conns run, ours does unless --ssl-no-reuse (why the tlsconnrate bench runs both)", () => {
    expect(theirReuse).toHaveLength(100);
    expect(theirReuse.filter((flag) => flag === 'r')).toHaveLength(0);
    expect(ourReuse).toHaveLength(100);
    // Both calls of a connection share its session: nginx logs the flag once per request.
    expect(ourReuse.filter((flag) => flag === 'r')).toHaveLength(2 * (record.summary.tls?.resumed ?? -1));
    expect(record.summary.tls?.resumed).toBeGreaterThan(0);
  });
});

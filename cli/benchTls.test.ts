// `loadlab bench` and `loadlab httperf --ssl` over https against a loopback server with a
// certificate from a private CA the test makes: --ca trusts it, --insecure skips the check and
// says so first, and the reports add their TLS lines (only then).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { createTestPki, startHttpsServer, type HttpsTestServer, type TestPki } from '../bench-runner/test/tlsServers.ts';

let pki: TestPki;
let server: HttpsTestServer;
let dir = '';

beforeAll(async () => {
  pki = await createTestPki();
  server = await startHttpsServer(pki.good);
  dir = await mkdtemp(join(tmpdir(), 'loadlab-cli-tls-'));
});

afterAll(async () => {
  await server.close();
  pki.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab bench https', () => {
  it('--ca: loads, adds the TLS handshake line, records the settings', async () => {
    const jsonPath = join(dir, 'tls.json');
    const result = await runLoadlab(['bench', '-t', '1', '-c', '2', '-d', '1s', '-R', '50', '--ca', pki.caFile, '--json', jsonPath, server.url]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('  1 threads and 2 connections');
    expect(result.stdout).toMatch(/^ {2}TLS handshakes: 2 \(0 resumed\), TLSv1\.3; handshake avg /m);
    expect(result.stdout).not.toContain('TLS errors');
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    expect(record.target.tls).toEqual({ insecure: false, caFile: pki.caFile, resume: true });
    expect(record.summary.errors.tls).toBe(0);
  });

  it('without --ca the certificate is refused: TLS errors by kind with the first message', async () => {
    const result = await runLoadlab(['bench', '-t', '1', '-c', '1', '-d', '500ms', server.url]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}TLS errors: certificate [1-9]\d*, handshake 0, protocol 0$/m);
    expect(result.stdout).toMatch(/^ {4}e\.g\. certificate rejected: .*unable to verify/m);
  });

  it('--insecure is said loudly, first', async () => {
    const result = await runLoadlab(['bench', '-t', '1', '-c', '1', '-d', '500ms', '--insecure', server.url]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toMatch(/^ {2}WARNING: --insecure: the server's TLS certificate was NOT verified/);
  });

  it('--ca with an http:// URL is a usage error', async () => {
    const result = await runLoadlab(['bench', '-d', '500ms', '--ca', pki.caFile, `http://127.0.0.1:${server.port}/`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--ca and --insecure apply to https:\/\/ targets only/);
  });
});

describe('loadlab httperf --ssl', () => {
  it('echoes --ssl and adds the TLS handshake as a connection time of its own', async () => {
    const result = await runLoadlab(['httperf', '--ssl', '--ca', pki.caFile, '--server', '127.0.0.1', '--port', String(server.port), '--rate', '20', '--num-conns', '5']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--rate=20 --ssl --num-conns=5/);
    expect(result.stdout).toMatch(/^Connection time \[ms\]: connect \d+\.\d\nConnection time \[ms\]: TLS handshake \d+\.\d \(5 handshakes, \d resumed\)$/m);
  });

  it.each(['--ssl-no-reuse', '--no-ssl-reuse'])('%s (httperf\'s spelling, or the older one): every connection a full handshake, echoed as --ssl-no-reuse and recorded', async (flag) => {
    const jsonPath = join(dir, `no-reuse${flag}.json`);
    const result = await runLoadlab(['httperf', '--ssl', flag, '--ca', pki.caFile, '--server', '127.0.0.1', '--port', String(server.port), '--rate', '20', '--num-conns', '5', '--json', jsonPath]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--rate=20 --ssl --ssl-no-reuse --num-conns=5/);
    expect(result.stdout).toMatch(/^Connection time \[ms\]: TLS handshake \d+\.\d \(5 handshakes, 0 resumed\)$/m);
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    expect(record.target.tls?.resume).toBe(false);
  });
});

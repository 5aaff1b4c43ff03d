// Peer test of the TLS failure kinds against Debian's nginx, with certificates from a private CA
// the test makes (bench-runner/test/tlsServers.ts): expired, for another host name, from a CA
// not trusted, plain HTTP at nginx's TLS port and TLS at its plain port. Each run sees one kind
// only, counted in errors.tls and in summary.tls.errors, with its first message kept; the same
// for a connection-rate run (`httperf --ssl`). Fails (does not skip) in CI when nginx is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalErrors, type MeasuredRunRecord, type TlsErrorKind } from '../../common/runRecord.ts';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import type { BenchConfig } from '../config.ts';
import { startRun } from '../run.ts';
import { testConfig } from '../test/servers.ts';
import { createTestPki, type TestPki } from '../test/tlsServers.ts';

const available = hasProgram('nginx', 'nginx-light');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;

describePeer('TLS failure kinds against nginx', () => {
  let pki: TestPki;
  const servers: NginxServer[] = [];
  let good: NginxServer;
  let expired: NginxServer;
  let otherHost: NginxServer;
  let plain: NginxServer;

  beforeAll(async () => {
    pki = await createTestPki();
    good = await startNginx({ workers: 1, tls: pki.good });
    servers.push(good);
    expired = await startNginx({ workers: 1, tls: pki.expired });
    servers.push(expired);
    otherHost = await startNginx({ workers: 1, tls: pki.otherHost });
    servers.push(otherHost);
    plain = await startNginx({ workers: 1 });
    servers.push(plain);
  }, 30_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    pki?.remove();
  });

  const trustCa = (): NonNullable<BenchConfig['tls']> => ({ insecure: false, caFile: pki.caFile, resume: true });

  /** 2 connections, 100 requests a second for 0.6 s: a few dozen requests, all of them failing the same way. */
  function run(url: string, overrides: Partial<BenchConfig> = {}): Promise<MeasuredRunRecord> {
    return startRun(testConfig(url, { threads: 1, connections: 2, durationMs: 600, ratePerSec: 100, ...overrides })).result;
  }

  function expectOnly(record: MeasuredRunRecord, kind: TlsErrorKind, example: RegExp): void {
    const { errors, tls } = record.summary;
    expect(errors.tls ?? 0).toBeGreaterThan(0);
    expect(totalErrors(errors)).toBe(errors.tls);
    expect(tls?.errors).toEqual({ certificate: 0, handshake: 0, protocol: 0, [kind]: errors.tls });
    expect(tls?.errorExamples[kind]).toMatch(example);
    expect(record.summary.requests).toBe(0);
  }

  it('the good certificate, trusted through --ca: no errors (the fixtures are right)', async () => {
    const record = await run(good.url, { tls: trustCa() });
    expect(record.summary.requests).toBeGreaterThan(10);
    expect(totalErrors(record.summary.errors)).toBe(0);
    expect(record.summary.tls?.handshakes).toBeGreaterThan(0);
  });

  it('an expired certificate: certificate', async () => {
    expectOnly(await run(expired.url, { tls: trustCa() }), 'certificate', /certificate has expired/);
  });

  it('a certificate for another host name: certificate', async () => {
    expectOnly(await run(otherHost.url, { tls: trustCa() }), 'certificate', /altnames/);
  });

  it('a certificate from a CA not trusted (verification on by default): certificate', async () => {
    expectOnly(await run(good.url), 'certificate', /unable to verify/);
  });

  it("plain HTTP at nginx's TLS port (nginx answers 400 \"plain HTTP request was sent to HTTPS port\"): protocol, no status error", async () => {
    const record = await run(good.url.replace('https:', 'http:'));
    expectOnly(record, 'protocol', /use an https:\/\/ URL/);
    expect(record.summary.statusCounts).toEqual({});
  });

  it("TLS at nginx's plain port: protocol", async () => {
    expectOnly(await run(plain.url.replace('http:', 'https:'), { tls: trustCa() }), 'protocol', /does not speak TLS/);
  });

  it('connection-rate mode (httperf --ssl) counts the same kind, and no connection completes', async () => {
    const record = await startRun(testConfig(expired.url, { threads: 1, durationMs: 2000, tls: trustCa(), connRate: { numConns: 10, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 50 } } })).result;
    expectOnly(record, 'certificate', /certificate has expired/);
    expect(record.summary.errors.tls).toBe(10);
    expect(record.summary.connRate?.completed).toBe(0);
  });

  it("connection-rate mode (httperf without --ssl) at nginx's TLS port: protocol, httperf's \"other\"", async () => {
    const record = await startRun(testConfig(good.url.replace('https:', 'http:'), { threads: 1, durationMs: 2000, connRate: { numConns: 10, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 50 } } })).result;
    expectOnly(record, 'protocol', /plain HTTP request was sent to HTTPS port/);
    expect(record.summary.errors.tls).toBe(10);
    expect(record.summary.connRate?.errors.other).toBe(10);
  });
});

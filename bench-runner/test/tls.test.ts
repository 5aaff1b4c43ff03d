// Integration: https targets. Handshakes are timed and counted apart, sessions resume on
// reconnect unless turned off, verification is on by default, and each kind of TLS failure is
// counted as its own kind (errors.tls, summary.tls.errors) with its first message kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../common/histogram.ts';
import { totalErrors, type MeasuredRunRecord } from '../../common/runRecord.ts';
import { startRun } from '../run.ts';
import { testConfig } from './servers.ts';
import { createTestPki, startHttpsServer, startPlainHttpServer, startTlsAlertServer, type TestPki } from './tlsServers.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => pki.remove());

const trustCa = (): { insecure: boolean; caFile: string | null; resume: boolean } => ({ insecure: false, caFile: pki.caFile, resume: true });

function run(url: string, overrides: Parameters<typeof testConfig>[1] = {}): Promise<MeasuredRunRecord> {
  return startRun(testConfig(url, { threads: 1, connections: 2, durationMs: 600, ...overrides })).result;
}

/** Only TLS errors, all of one kind, and the record's breakdown adds up to errors.tls. */
function expectOnlyTlsErrors(record: MeasuredRunRecord, kind: 'certificate' | 'handshake' | 'protocol'): void {
  const { errors, tls } = record.summary;
  expect(errors.tls ?? 0).toBeGreaterThan(0);
  expect(totalErrors(errors)).toBe(errors.tls);
  expect(tls?.errors).toEqual({ certificate: 0, handshake: 0, protocol: 0, [kind]: errors.tls });
  expect(record.summary.requests).toBe(0);
}

describe('https (loopback)', () => {
  it('loads an https target trusted through --ca: handshakes timed and counted, sessions resumed on reconnect', async () => {
    const server = await startHttpsServer(pki.good, { closeEach: true });
    try {
      const record = await run(server.url, { ratePerSec: 100, tls: trustCa() });
      const { summary } = record;
      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0, tls: 0 });
      expect(record.target.tls).toEqual({ insecure: false, caFile: pki.caFile, resume: true });
      const tls = summary.tls;
      if (tls === undefined) throw new Error('no TLS summary');
      // One handshake per connection the server closed, plus the first of each connection.
      expect(tls.handshakes).toBe(server.handshakes.full + server.handshakes.resumed);
      expect(tls.handshakes).toBeGreaterThanOrEqual(summary.requests);
      expect(tls.resumed).toBe(server.handshakes.resumed);
      expect(tls.resumed).toBeGreaterThan(0);
      expect(tls.protocols).toEqual({ 'TLSv1.3': tls.handshakes });
      expect(tls.handshakeUs?.count).toBe(tls.handshakes);
      expect(decodeHistogram(record.histograms.tlsHandshakeUs ?? '').totalCount).toBe(tls.handshakes);
      expect(tls.errorExamples).toEqual({ certificate: null, handshake: null, protocol: null });
    } finally {
      await server.close();
    }
  });

  it('SNI is the URL\'s host name (the certificate checked against it); none for an IP address', async () => {
    const server = await startHttpsServer(pki.good);
    try {
      const byName = await run(server.url.replace('127.0.0.1', 'localhost'), { tls: trustCa() });
      expect(byName.summary.requests).toBeGreaterThan(0);
      expect(totalErrors(byName.summary.errors)).toBe(0);
      expect(server.serverNames.length).toBe(byName.summary.tls?.handshakes);
      expect(new Set(server.serverNames)).toEqual(new Set(['localhost']));

      server.serverNames.length = 0;
      const byAddress = await run(server.url, { tls: trustCa() });
      expect(byAddress.summary.requests).toBeGreaterThan(0);
      expect(server.serverNames.length).toBeGreaterThan(0);
      expect(new Set(server.serverNames)).toEqual(new Set([null]));
    } finally {
      await server.close();
    }
  });

  it('--no-tls-resume: every reconnect makes a full handshake', async () => {
    const server = await startHttpsServer(pki.good, { closeEach: true });
    try {
      const record = await run(server.url, { tls: { ...trustCa(), resume: false } });
      expect(record.summary.requests).toBeGreaterThan(2);
      expect(record.summary.tls?.resumed).toBe(0);
      expect(server.handshakes.resumed).toBe(0);
      expect(record.target.tls?.resume).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('an expired certificate is a certificate error', async () => {
    const server = await startHttpsServer(pki.expired);
    try {
      const record = await run(server.url, { tls: trustCa() });
      expectOnlyTlsErrors(record, 'certificate');
      expect(record.summary.tls?.errorExamples.certificate).toMatch(/certificate has expired/);
      expect(record.summary.tls?.handshakes).toBe(0);
      expect(record.summary.tls?.handshakeUs).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('a certificate for another host name is a certificate error (rate mode: every due request counts)', async () => {
    const server = await startHttpsServer(pki.otherHost);
    try {
      const record = await run(server.url, { ratePerSec: 100, tls: trustCa() });
      expectOnlyTlsErrors(record, 'certificate');
      expect(record.summary.tls?.errorExamples.certificate).toMatch(/altnames/);
    } finally {
      await server.close();
    }
  });

  it('a certificate from a CA not trusted is a certificate error; --insecure skips the check and says so', async () => {
    const server = await startHttpsServer(pki.good);
    try {
      const refused = await run(server.url);
      expectOnlyTlsErrors(refused, 'certificate');
      expect(refused.summary.tls?.errorExamples.certificate).toMatch(/unable to verify/);

      const insecure = await run(server.url, { tls: { insecure: true, caFile: null, resume: true } });
      expect(insecure.summary.requests).toBeGreaterThan(0);
      expect(totalErrors(insecure.summary.errors)).toBe(0);
      expect(insecure.target.tls?.insecure).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('TLS at a plain HTTP port is a protocol error', async () => {
    const server = await startPlainHttpServer();
    try {
      const record = await run(server.url.replace('http:', 'https:'), { tls: trustCa() });
      expectOnlyTlsErrors(record, 'protocol');
      expect(record.summary.tls?.errorExamples.protocol).toMatch(/does not speak TLS/);
    } finally {
      await server.close();
    }
  });

  it('plain HTTP at a port that answers with TLS is a protocol error', async () => {
    const server = await startTlsAlertServer();
    try {
      const record = await run(`http://127.0.0.1:${server.port}/`);
      expectOnlyTlsErrors(record, 'protocol');
      expect(record.summary.tls?.errorExamples.protocol).toMatch(/use an https:\/\/ URL/);
      expect(record.target.tls).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('plain HTTP at a TLS server that closes without a word (Node\'s) is only a read error: nothing shows TLS', async () => {
    const server = await startHttpsServer(pki.good);
    try {
      const record = await run(server.url.replace('https:', 'http:'));
      expect(record.summary.errors.read).toBeGreaterThan(0);
      expect(record.summary.errors.tls).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('connection-rate mode: connect, TLS handshake and first byte timed apart; sessions resumed across connections', async () => {
    const server = await startHttpsServer(pki.good);
    try {
      const record = await startRun(
        // 25 connections a second: a session arrives well before the next connection opens.
        testConfig(server.url, { threads: 1, durationMs: 2000, tls: trustCa(), connRate: { numConns: 20, numCalls: 2, spacing: { kind: 'fixed', ratePerSec: 25 } } }),
      ).result;
      const conn = record.summary.connRate;
      if (conn === undefined) throw new Error('no connection-rate summary');
      expect(conn.completed).toBe(20);
      expect(record.summary.requests).toBe(40);
      expect(conn.connectUs.count).toBe(20);
      expect(conn.tlsHandshakeUs?.count).toBe(20);
      expect(conn.responseUs.count).toBe(40);
      expect(record.summary.tls?.handshakes).toBe(20);
      expect(record.summary.tls?.resumed).toBe(server.handshakes.resumed);
      expect(record.summary.tls?.resumed).toBeGreaterThan(0);
      expect(totalErrors(record.summary.errors)).toBe(0);
    } finally {
      await server.close();
    }
  });
});

// Connection-rate mode over https: connect, TLS handshake and first byte are three times, none
// inside another. A server that holds each handshake HANDSHAKE_DELAY_MS (an async SNI callback)
// and each response RESPONSE_DELAY_MS shows it: the handshake and response times are at least
// those delays, and connect + handshake + response + transfer fit in the connection's lifetime
// (if connect ended at the secure connection, as httperf's does, the handshake would count twice
// and the sum would pass the lifetime by a whole delay). Only lower bounds and sums of one run's
// own figures are asserted, so a loaded machine cannot break them: delays only grow.
import https from 'node:https';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalErrors } from '../../common/runRecord.ts';
import { startRun } from '../run.ts';
import { testConfig } from './servers.ts';
import { createTestPki, type TestPki } from './tlsServers.ts';

const HANDSHAKE_DELAY_MS = 400;
const RESPONSE_DELAY_MS = 250;
/** Timers may fire up to a millisecond early; histograms keep 3 significant digits. */
const EARLY_MS = 2;

let pki: TestPki;
let server: https.Server;
let port = 0;

beforeAll(async () => {
  pki = await createTestPki();
  const context = tls.createSecureContext({ cert: pki.good.certPem, key: pki.good.keyPem });
  server = https.createServer(
    {
      cert: pki.good.certPem,
      key: pki.good.keyPem,
      SNICallback: (_name, done) => setTimeout(() => done(null, context), HANDSHAKE_DELAY_MS),
    },
    (_req, res) => setTimeout(() => res.end('ok'), RESPONSE_DELAY_MS),
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  pki.remove();
});

describe('connection-rate mode over https: connect, TLS handshake and first byte timed apart', () => {
  it('each time holds its own delay, and together they fit in the connection', async () => {
    // localhost: SNI is sent, so the server's SNI callback (the handshake delay) runs.
    const url = `https://localhost:${port}/`;
    const record = await startRun(
      testConfig(url, { threads: 1, durationMs: 8000, tls: { insecure: false, caFile: pki.caFile, resume: true }, connRate: { numConns: 4, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } } }),
    ).result;
    const conn = record.summary.connRate;
    if (conn?.tlsHandshakeUs === undefined) throw new Error('no TLS handshake times');
    expect(totalErrors(record.summary.errors)).toBe(0);
    expect(conn.completed).toBe(4);
    expect(conn.tlsHandshakeUs.count).toBe(4);
    expect(conn.tlsHandshakeUs.min).toBeGreaterThanOrEqual((HANDSHAKE_DELAY_MS - EARLY_MS) * 1000);
    expect(conn.responseUs.min).toBeGreaterThanOrEqual((RESPONSE_DELAY_MS - EARLY_MS) * 1000);
    const phasesUs = conn.connectUs.mean + conn.tlsHandshakeUs.mean + conn.responseUs.mean + conn.transferUs.mean;
    expect(phasesUs).toBeLessThanOrEqual(conn.lifetimeUs.mean * 1.01);
  });
});

// The built-in server over TLS: its own self-signed localhost certificate (made once, kept,
// trusted as its own CA by clients), https on every model path, and telemetry that counts
// handshakes, their time and the failed ones.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTelemetrySampleSchema, type ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import { localCertificate, type ServerCertificate } from '../tlsCertificate.ts';
import { nextSample, withServer } from './clients.ts';

let folder = '';
let certificate: ServerCertificate;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loadlab-server-tls-'));
  certificate = await localCertificate(folder);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function httpsGet(port: number, host: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host, port, path: '/', ca, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('the self-signed localhost certificate', () => {
  it('is made once and kept (key readable by the user only); a second start reuses it', async () => {
    expect(certificate.created).toBe(true);
    expect((await stat(join(folder, 'localhost-key.pem'))).mode & 0o077).toBe(0);
    const again = await localCertificate(folder);
    expect(again.created).toBe(false);
    expect(again.certPem).toBe(certificate.certPem);
  });

  it('is made anew when it ends within a week', async () => {
    const later = await localCertificate(folder, Date.now() + 10 * 365 * 86_400_000);
    expect(later.created).toBe(true);
    certificate = later;
  });
});

describe('loadlab serve --tls', () => {
  it.each(['event-loop', 'single', 'pool-shared'] as const)('%s: answers https for localhost and 127.0.0.1; telemetry counts handshakes and failures', async (model) => {
    const tls = { certPem: certificate.certPem, keyPem: certificate.keyPem };
    await withServer({ model, workers: 2, intervalMs: 100, tls }, async (server, port) => {
      const samples: ServerTelemetrySample[] = [];
      server.on('telemetry', (sample) => samples.push(sample));
      expect(await httpsGet(port, '127.0.0.1', certificate.certPem)).toMatchObject({ status: 200 });
      expect(await httpsGet(port, 'localhost', certificate.certPem)).toMatchObject({ status: 200 });
      // Plain HTTP at the TLS port: a failed handshake.
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
      const sum = (pick: (sample: ServerTelemetrySample) => number): number => samples.reduce((total, sample) => total + pick(sample), 0);
      await nextSample(server, () => sum((sample) => sample.tls?.failures ?? 0) === 1 && sum((sample) => sample.requests.served) === 2);
      for (const sample of samples) expect(() => serverTelemetrySampleSchema.parse(sample)).not.toThrow();
      expect(sum((sample) => sample.tls?.handshakes ?? 0)).toBe(2);
      // Connections count once secure; `single` counts them at the TCP accept (its gate takes
      // them before any TLS), so there the plain-HTTP one counts too.
      expect(sum((sample) => sample.connections.accepted)).toBe(model === 'single' ? 3 : 2);
      expect(samples.find((sample) => (sample.tls?.handshakes ?? 0) > 0)?.tls?.handshakeUs?.count).toBeGreaterThan(0);
    });
  });

  it('a server without TLS has no tls figures', async () => {
    await withServer({ intervalMs: 100 }, async (server) => {
      const sample = await nextSample(server, () => true);
      expect(sample.tls).toBeUndefined();
    });
  });
});

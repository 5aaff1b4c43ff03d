// TLS test fixtures: a private CA and certificates made in process (common/certificates.ts),
// an https server on 127.0.0.1 (port 0) that counts handshakes and resumptions, and a server
// that answers anything with a TLS alert record (what many TLS stacks send to plain HTTP).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { createCertificate, type Issuer, type PemPair } from '../../common/certificates.ts';

const DAY_MS = 86_400_000;

export interface TestPki {
  ca: Issuer;
  /** The CA's certificate in a file, for --ca. */
  caFile: string;
  /** Signed by the CA for localhost and 127.0.0.1. */
  good: PemPair;
  /** Signed by the CA, expired yesterday. */
  expired: PemPair;
  /** Signed by the CA for another host name only. */
  otherHost: PemPair;
  remove(): void;
}

export async function createTestPki(): Promise<TestPki> {
  const ca = await createCertificate({ commonName: 'Loadlab Test CA', isCa: true });
  const names = { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] };
  const good = await createCertificate({ commonName: 'localhost', ...names, issuer: ca });
  const expired = await createCertificate({
    commonName: 'localhost',
    ...names,
    issuer: ca,
    notBefore: new Date(Date.now() - 30 * DAY_MS),
    notAfter: new Date(Date.now() - DAY_MS),
  });
  const otherHost = await createCertificate({ commonName: 'other.test', dnsNames: ['other.test'], issuer: ca });
  const folder = mkdtempSync(path.join(tmpdir(), 'loadlab-pki-'));
  const caFile = path.join(folder, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  return { ca, caFile, good, expired, otherHost, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface HttpsTestServer {
  readonly port: number;
  readonly url: string;
  /** Handshakes completed, and those that resumed a session. */
  readonly handshakes: { full: number; resumed: number };
  /** The SNI names the clients sent, one per handshake; null for a handshake without SNI. */
  readonly serverNames: Array<string | null>;
  close(): Promise<void>;
}

/** An https server answering 200 "ok"; `closeEach` closes the connection after every response. */
export async function startHttpsServer(pair: PemPair, options: { closeEach?: boolean } = {}): Promise<HttpsTestServer> {
  const handshakes = { full: 0, resumed: 0 };
  const serverNames: Array<string | null> = [];
  const server = https.createServer({ cert: pair.certPem, key: pair.keyPem }, (req, res) => {
    if (options.closeEach === true) res.setHeader('Connection', 'close');
    res.end('ok');
  });
  server.keepAliveTimeout = 30_000;
  server.on('secureConnection', (socket: TLSSocket) => {
    if (socket.isSessionReused()) handshakes.resumed++;
    else handshakes.full++;
    // TLSSocket.servername is the SNI name, or false when the client sent none (typed string).
    const name: unknown = socket.servername;
    serverNames.push(typeof name === 'string' ? name : null);
    socket.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  const port = await listen(server);
  return {
    port,
    url: `https://127.0.0.1:${port}/`,
    handshakes,
    serverNames,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A plain HTTP server as Node's defaults make it: a request it cannot parse (a TLS hello) gets a 400. */
export async function startPlainHttpServer(): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.end('ok'));
  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** TLS 1.2 alert record: fatal (2), unexpected_message (10). */
const TLS_ALERT = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a]);

/** A port that speaks TLS and answers a plain HTTP request with an alert, then closes. */
export async function startTlsAlertServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(TLS_ALERT));
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

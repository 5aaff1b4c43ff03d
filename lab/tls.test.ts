// The lab's built-in TLS server: started with its self-signed certificate (kept in the folder the
// lab is given), an https status, and runs against it that verify that certificate and succeed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStartParamsSchema, type LabEventName, type LabEvents } from '../common/labApi.ts';
import { totalErrors } from '../common/runRecord.ts';
import { LOCAL_CERT_FILE } from '../server-core/tlsCertificate.ts';
import { createLab, type Lab } from './lab.ts';
import { benchConfigFor, defaultRunTitle, type RunParams } from './runParams.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-tls-'));
  lab = await createLab({ journalDir: join(dir, 'journal'), host: 'web', tlsDir: join(dir, 'tls') });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function next<E extends LabEventName>(event: E, timeoutMs = 20_000): Promise<LabEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const off = lab.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe('the built-in TLS server in the lab', () => {
  it('serves https with the kept certificate, and a run against it verifies it and succeeds', async () => {
    const status = await lab.call('server.start', { model: 'event-loop', port: 0, tls: true });
    const certFile = join(dir, 'tls', LOCAL_CERT_FILE);
    expect(status).toMatchObject({ state: 'running', settings: { tls: true }, certFile });
    expect(status.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await readFile(certFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    const finished = next('run.finished');
    await lab.call('run.start', { target: { kind: 'builtin', path: '/' }, mode: 'rate', ratePerSec: 100, threads: 1, connections: 2, durationMs: 1000 });
    const { header } = await finished;
    const record = await lab.call('journal.get', { id: header.id });
    expect(record.target.url).toBe(`${status.url ?? ''}/`);
    expect(record.server).toEqual({ kind: 'builtin', model: 'event-loop', settings: { workers: 4, keepAlive: true, closeSilently: false, tls: true } });
    expect(record.title).toBe('event-loop, TLS · -t1 -c2 -d1s -R100');
    // Verification stays on: the run trusts the server's own certificate, not every certificate.
    expect(record.target.tls).toEqual({ insecure: false, caFile: certFile, resume: true });
    const errors = record.summary.errors;
    expect(errors?.tls).toBe(0);
    expect(errors === null ? null : totalErrors(errors)).toBe(0);
    expect(record.summary.requests).toBeGreaterThan(0);
    expect(record.summary.tls?.handshakes).toBeGreaterThanOrEqual(2);
    expect(record.summary.tls?.handshakeUs).not.toBeNull();
  });

  it('reuses the kept certificate on the next start, and a plain start stays http', async () => {
    const first = await lab.call('server.start', { port: 0, tls: true });
    const pem = await readFile(join(dir, 'tls', LOCAL_CERT_FILE), 'utf8');
    await lab.call('server.stop', {});
    const plain = await lab.call('server.start', { port: 0 });
    expect(plain.url).toMatch(/^http:\/\//);
    expect(plain).toMatchObject({ settings: { tls: false }, certFile: null });
    await lab.call('server.stop', {});
    const second = await lab.call('server.start', { port: 0, tls: true });
    expect(second.certFile).toBe(first.certFile);
    expect(await readFile(join(dir, 'tls', LOCAL_CERT_FILE), 'utf8')).toBe(pem);
  });
});

describe('run config over https', () => {
  const params = (changes: object): RunParams => runStartParamsSchema.parse({ mode: 'max', threads: 1, connections: 1, ...changes });

  it('trusts the built-in server certificate only when it serves TLS', () => {
    expect(benchConfigFor(params({ target: { kind: 'builtin' } }), { url: 'https://127.0.0.1:1', caFile: '/c.pem' }).tls).toEqual({ insecure: false, caFile: '/c.pem', resume: true });
    expect(benchConfigFor(params({ target: { kind: 'builtin' } }), { url: 'http://127.0.0.1:1', caFile: null }).tls).toBeUndefined();
  });

  it('skips verification of an https URL only when asked, and refuses it for http', () => {
    expect(benchConfigFor(params({ target: { kind: 'url', url: 'https://example.test/' } }), null).tls).toBeUndefined();
    expect(benchConfigFor(params({ target: { kind: 'url', url: 'https://example.test/' }, insecure: true }), null).tls).toEqual({ insecure: true, caFile: null, resume: true });
    expect(() => benchConfigFor(params({ target: { kind: 'url', url: 'http://example.test/' }, insecure: true }), null)).toThrow(/https:\/\/ targets only/);
    // The title says it too, as the command line would.
    expect(defaultRunTitle(params({ target: { kind: 'url', url: 'https://example.test/' }, insecure: true, durationMs: 2000 }), { kind: 'unknown' })).toBe('https://example.test/ · -t1 -c1 -d2s --insecure');
  });
});

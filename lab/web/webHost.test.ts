// The web host over loopback: who is refused, and that the API and the static files work for
// the page it serves; with the fake lab (events on demand), and at the end with the real one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HostToClient } from '../../common/labWire.ts';
import { labEventNames } from '../../common/labNames.ts';
import { createLab } from '../lab.ts';
import { createFakeLab, fakeAppInfo } from './testing/fakeLab.ts';
import { startWebHost, type WebHost } from './webHost.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Upgrade = { kind: 'open'; ws: WebSocket } | { kind: 'refused'; status: number; body: string };

function upgrade(port: number, { path, origin, host }: { path: string; origin?: string; host?: string }): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { host };
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers, ...(origin === undefined ? {} : { origin }) });
    ws.once('open', () => resolve({ kind: 'open', ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body }));
    });
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<HostToClient> {
  return new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as HostToClient)));
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
}

const lab = createFakeLab();
let dir: string;
let rendererDir: string;
let host: WebHost;
let port: number;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loadlab-webhost-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loadlab</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'the secret');
  symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  host = await startWebHost({ lab, rendererDir, maxMessageBytes: 1024 * 1024 });
  port = host.address.port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the WebSocket upgrade', () => {
  it('binds loopback and prints a URL with the token', () => {
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${host.token}`);
  });

  it('refuses without the token, with a wrong token, from a foreign Origin or Host', async () => {
    const good = { path: `/api?token=${host.token}`, origin };
    const attempts: [string, Parameters<typeof upgrade>[1], number, RegExp][] = [
      ['no token', { ...good, path: '/api' }, 401, /no token/],
      ['a wrong token', { ...good, path: `/api?token=${'x'.repeat(43)}` }, 401, /wrong token/],
      ['a foreign Origin', { ...good, origin: 'http://attacker.example' }, 403, /Origin http:\/\/attacker.example is not/],
      ['no Origin', { path: good.path }, 403, /no Origin header/],
      ['a foreign Host', { ...good, host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` }, 403, /DNS rebinding/],
      ['another path', { ...good, path: `/socket?token=${host.token}` }, 404, /the lab API is at \/api/],
    ];
    for (const [what, attempt, status, reason] of attempts) {
      const result = await upgrade(port, attempt);
      expect(result, what).toMatchObject({ kind: 'refused', status, body: expect.stringMatching(reason) });
    }
  });

  it('with them, a call round-trips and an event reaches every client', async () => {
    const a = await upgrade(port, { path: `/api?token=${host.token}`, origin });
    const b = await upgrade(port, { path: `/api?token=${host.token}`, origin: `http://localhost:${port}`, host: `localhost:${port}` });
    if (a.kind !== 'open' || b.kind !== 'open') throw new Error('upgrade refused');

    const reply = nextMessage(a.ws);
    a.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', params: {} }));
    expect(await reply).toEqual({ type: 'result', id: 1, ok: true, result: fakeAppInfo });

    const atA = nextMessage(a.ws);
    const atB = nextMessage(b.ws);
    lab.emit('journal.changed', { reason: 'imported' });
    const event = { type: 'event', event: 'journal.changed', payload: { reason: 'imported' } };
    expect(await atA).toEqual(event);
    expect(await atB).toEqual(event);
    a.ws.close();
    b.ws.close();
  });

  it('answers bad params, unknown methods and lab errors with error results', async () => {
    const open = await upgrade(port, { path: `/api?token=${host.token}`, origin });
    if (open.kind !== 'open') throw new Error('upgrade refused');
    const { ws } = open;
    const ask = async (message: unknown): Promise<HostToClient> => {
      const reply = nextMessage(ws);
      ws.send(JSON.stringify(message));
      return reply;
    };
    expect(await ask({ type: 'call', id: 2, method: 'journal.get', params: {} })).toMatchObject({ id: 2, ok: false, error: { code: 'bad-params', message: expect.stringMatching(/^journal.get: id: /) } });
    expect(await ask({ type: 'call', id: 3, method: 'nope', params: {} })).toMatchObject({ id: 3, ok: false, error: { code: 'not-found' } });
    expect(await ask({ type: 'call', id: 4, method: 'run.start', params: { target: { kind: 'builtin' }, mode: 'max' } })).toMatchObject({ id: 4, ok: false, error: { code: 'busy' } });
    expect(await ask({ type: 'call', id: 5 })).toMatchObject({ id: 5, ok: false, error: { code: 'bad-params', message: expect.stringMatching(/bad message/) } });
    ws.close();
  });

  it('closes with 1007 and a clear reason on malformed JSON', async () => {
    const open = await upgrade(port, { path: `/api?token=${host.token}`, origin });
    if (open.kind !== 'open') throw new Error('upgrade refused');
    const done = closed(open.ws);
    open.ws.send('{"type":"call",');
    const { code, reason } = await done;
    expect(code).toBe(1007);
    expect(reason).toMatch(/^malformed JSON \(/);
  });

  it('takes big messages up to the limit and closes with 1009 past it', async () => {
    const open = await upgrade(port, { path: `/api?token=${host.token}`, origin });
    if (open.kind !== 'open') throw new Error('upgrade refused');
    const reply = nextMessage(open.ws);
    open.ws.send(JSON.stringify({ type: 'call', id: 6, method: 'journal.import', params: { files: [{ name: 'big.txt', text: 'x'.repeat(1000_000) }] } }));
    expect(await reply).toMatchObject({ id: 6, ok: true, result: { errors: [{ file: 'big.txt', message: '1000000 characters, not a report' }] } });

    const done = closed(open.ws);
    open.ws.send(JSON.stringify({ type: 'call', id: 7, method: 'journal.import', params: { files: [{ name: 'bigger.txt', text: 'x'.repeat(1024 * 1024) }] } }));
    expect((await done).code).toBe(1009);
  });
});

describe('the static files', () => {
  it('serve the page and assets with their types and the security headers', async () => {
    const page = await get(port, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe('<!doctype html><title>Loadlab</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(port, '/assets/app-1a2b.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(port, '/assets/app-1a2b.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await get(port, '/assets/app-1a2b.js', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '15', '']);
  });

  it('refuse path traversal, symlinks out, other methods and missing files (but a missing favicon is no error)', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await get(port, path);
      expect(reply.status, path).toBe(403);
      expect(reply.body).not.toContain('the secret');
    }
    expect((await get(port, '/assets/link.txt')).status).toBe(403);
    expect((await get(port, '/assets/none.js')).status).toBe(404);
    expect((await get(port, '/favicon.ico')).status).toBe(204);
    const post = await get(port, '/', {}, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    expect((await get(port, '/api')).status).toBe(426);
  });

  it('refuse a foreign Host (DNS rebinding) on plain requests too', async () => {
    const reply = await get(port, '/', { host: `attacker.example:${port}` });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/DNS rebinding/);
    expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('say to build when the renderer is not built', async () => {
    const bare = await startWebHost({ lab, rendererDir: join(dir, 'missing') });
    try {
      const reply = await get(bare.address.port, '/');
      expect(reply.status).toBe(500);
      expect(reply.body).toMatch(/Run <code>npm run build<\/code>/);
    } finally {
      await bare.close();
    }
  });
});

describe('close', () => {
  it('closes clients with 1001, stops forwarding events and leaves nothing listening', async () => {
    const own = await startWebHost({ lab, rendererDir });
    const before = lab.listenerCount();
    const open = await upgrade(own.address.port, { path: `/api?token=${own.token}`, origin: `http://127.0.0.1:${own.address.port}` });
    if (open.kind !== 'open') throw new Error('upgrade refused');
    const done = closed(open.ws);
    await own.close();
    expect(await done).toEqual({ code: 1001, reason: 'loadlab web is stopping' });
    expect(lab.listenerCount()).toBe(before - labEventNames.length);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(own.address.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('says which address it could not listen on', async () => {
    await expect(startWebHost({ lab, rendererDir, port: host.address.port })).rejects.toThrow(`loadlab web could not listen on 127.0.0.1:${port}: listen EADDRINUSE`);
  });
});

describe('with the real lab', () => {
  it('serves its calls and events: app.info, an import, journal.changed to the page', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'loadlab-webhost-journal-'));
    const real = await createLab({ journalDir, host: 'web' });
    const own = await startWebHost({ lab: real, rendererDir });
    try {
      const open = await upgrade(own.address.port, { path: `/api?token=${own.token}`, origin: `http://127.0.0.1:${own.address.port}` });
      if (open.kind !== 'open') throw new Error('upgrade refused');
      const messages: HostToClient[] = [];
      open.ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as HostToClient));
      const until = async (found: () => boolean): Promise<void> => {
        while (!found()) await new Promise((resolve) => setTimeout(resolve, 10));
      };

      open.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', params: {} }));
      const text = readFileSync(new URL('../../journal/import/testdata/loadlab-bench-report.txt', import.meta.url), 'utf8');
      open.ws.send(JSON.stringify({ type: 'call', id: 2, method: 'journal.import', params: { files: [{ name: 'report.txt', text }] } }));
      open.ws.send(JSON.stringify({ type: 'call', id: 3, method: 'journal.get', params: { id: 'no-such-run' } }));
      await until(() => messages.some((m) => m.type === 'event') && [1, 2, 3].every((id) => messages.some((m) => m.type === 'result' && m.id === id)));

      const result = (id: number) => messages.find((m) => m.type === 'result' && m.id === id);
      expect(result(1)).toMatchObject({ ok: true, result: { host: 'web', journalDir, electron: null } });
      expect(result(2)).toMatchObject({ ok: true, result: { added: [{}], errors: [] } });
      expect(result(3)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(messages.filter((m) => m.type === 'event')).toEqual([{ type: 'event', event: 'journal.changed', payload: { reason: 'imported' } }]);
      open.ws.close();
    } finally {
      await own.close();
      await real.close();
      rmSync(journalDir, { recursive: true, force: true });
    }
  });
});

// The check before a run: a listening port is reachable, a closed one is "refused" with the
// built-in server's port named, a name that does not resolve says so, a bad URL is data.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTarget, endpointOf, problemMessage, problemOf } from './targetCheck.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listening(): Promise<number> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A port that was just free: listen on 0, read the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('checkTarget', () => {
  it('finds a listening server reachable', async () => {
    const port = await listening();
    expect(await checkTarget(`http://127.0.0.1:${port}/`, 2000, null)).toEqual({ reachable: true, url: `http://127.0.0.1:${port}/` });
  });

  it('says nothing listens, and where the built-in server is', async () => {
    const port = await closedPort();
    const result = await checkTarget(`http://127.0.0.1:${port}/`, 2000, 41234);
    expect(result).toMatchObject({ reachable: false, problem: 'refused', message: `nothing is listening on 127.0.0.1:${port} — the built-in server is on port 41234` });
  });

  it('says when the built-in server is not running either', async () => {
    const port = await closedPort();
    const result = await checkTarget(`http://127.0.0.1:${port}/`, 2000, null);
    expect(result.reachable === false && result.message).toBe(`nothing is listening on 127.0.0.1:${port} — the built-in server is not running`);
  });

  it('says a name that does not resolve does not resolve', async () => {
    // .invalid never resolves (RFC 6761).
    const result = await checkTarget('http://no-such-host.invalid:8080/', 5000, null);
    expect(result).toMatchObject({ reachable: false, problem: 'not-resolved', message: 'the name no-such-host.invalid does not resolve' });
  });

  it('refuses a URL it cannot connect to as data', async () => {
    expect(await checkTarget('ftp://x/', 100, null)).toMatchObject({ reachable: false, problem: 'bad-url' });
  });
});

describe('endpointOf, problemOf, problemMessage', () => {
  it('reads default ports and IPv6 literals', () => {
    expect(endpointOf('http://localhost/')).toEqual({ host: 'localhost', port: 80 });
    expect(endpointOf('https://example.org/x')).toEqual({ host: 'example.org', port: 443 });
    expect(endpointOf('http://[::1]:7878/')).toEqual({ host: '::1', port: 7878 });
    expect(endpointOf('not a url')).toBeNull();
  });

  it('maps socket codes to causes', () => {
    expect(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'].map(problemOf)).toEqual(['refused', 'reset', 'not-resolved', 'not-resolved', 'timeout', 'other']);
  });

  it('words the refused case as the issue asks', () => {
    expect(problemMessage('refused', 'localhost', 7878, 40001, '')).toBe('nothing is listening on localhost:7878 — the built-in server is on port 40001');
    expect(problemMessage('refused', '::1', 7878, null, '')).toBe('nothing is listening on [::1]:7878 — the built-in server is not running');
  });
});

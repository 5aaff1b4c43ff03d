import { describe, expect, it } from 'vitest';
import { hostForUrl, hostRefusal, isLoopback, upgradeRefusal, type BoundAddress } from './requestChecks.ts';
import { newToken, tokenMatches } from './token.ts';

const v4: BoundAddress = { address: '127.0.0.1', port: 4100 };
const v6: BoundAddress = { address: '::1', port: 4100 };
const lan: BoundAddress = { address: '192.168.1.20', port: 4100 };
const any: BoundAddress = { address: '0.0.0.0', port: 4100 };

describe('hostRefusal (DNS rebinding)', () => {
  // [what, bound, Host header, allowed]
  const cases: [string, BoundAddress, string | undefined, boolean][] = [
    ['the bound address and port', v4, '127.0.0.1:4100', true],
    ['localhost on a loopback bind', v4, 'localhost:4100', true],
    ['LOCALHOST in capitals', v4, 'LOCALHOST:4100', true],
    ['the bound v6 address in brackets', v6, '[::1]:4100', true],
    ['localhost on a v6 loopback bind', v6, 'localhost:4100', true],
    ['another port', v4, '127.0.0.1:4101', false],
    ['no port (means 80)', v4, '127.0.0.1', false],
    ['a rebinding domain', v4, 'attacker.example:4100', false],
    ['a subdomain of localhost', v4, 'evil.localhost:4100', false],
    ['another loopback address', v4, '127.0.0.2:4100', false],
    ['userinfo smuggled in', v4, 'attacker.example@127.0.0.1:4100', false],
    ['a path smuggled in', v4, '127.0.0.1:4100/x', false],
    ['no Host header', v4, undefined, false],
    ['an empty Host header', v4, '', false],
    ['the LAN address it is bound to', lan, '192.168.1.20:4100', true],
    ['localhost when bound to a LAN address', lan, 'localhost:4100', false],
    ['any IP literal on a wildcard bind', any, '10.0.0.7:4100', true],
    ['localhost on a wildcard bind', any, 'localhost:4100', true],
    ['a name on a wildcard bind', any, 'attacker.example:4100', false],
  ];
  it.each(cases)('%s', (_what, bound, host, allowed) => {
    expect(hostRefusal(host, bound) === null).toBe(allowed);
  });

  it('says why and where to go instead', () => {
    expect(hostRefusal('attacker.example:4100', v4)).toEqual({
      status: 403,
      reason: 'Host "attacker.example:4100" is not this server (DNS rebinding protection); use 127.0.0.1:4100',
    });
    expect(hostRefusal(undefined, v4)?.status).toBe(400);
  });
});

describe('upgradeRefusal', () => {
  const token = newToken();
  const headers = { host: '127.0.0.1:4100', origin: 'http://127.0.0.1:4100' };
  const url = `/api?token=${token}`;

  it('lets the served page in with the token', () => {
    expect(upgradeRefusal(url, headers, token)).toBeNull();
    expect(upgradeRefusal(url, { host: 'localhost:4100', origin: 'http://localhost:4100' }, token)).toBeNull();
  });

  // [what, url, headers, status]
  const refused: [string, string, { host: string; origin?: string }, number][] = [
    ['no token', '/api', headers, 401],
    ['an empty token', '/api?token=', headers, 401],
    ['a wrong token', `/api?token=${token.slice(0, -1)}x`, headers, 401],
    ['the token with a suffix', `/api?token=${token}x`, headers, 401],
    ['a foreign Origin', url, { ...headers, origin: 'http://attacker.example' }, 403],
    ['the served host on another scheme', url, { ...headers, origin: 'https://127.0.0.1:4100' }, 403],
    ['localhost page to a 127.0.0.1 Host', url, { ...headers, origin: 'http://localhost:4100' }, 403],
    ['the opaque origin of a file or sandbox', url, { ...headers, origin: 'null' }, 403],
    ['no Origin', url, { host: headers.host }, 403],
    ['another path', `/other?token=${token}`, headers, 404],
  ];
  it.each(refused)('%s', (_what, requestUrl, requestHeaders, status) => {
    expect(upgradeRefusal(requestUrl, requestHeaders, token)?.status).toBe(status);
  });

  it('checks the Origin before the token, so a foreign page learns nothing about the token', () => {
    expect(upgradeRefusal('/api?token=wrong', { ...headers, origin: 'http://attacker.example' }, token)?.status).toBe(403);
  });
});

describe('tokens', () => {
  it('are 256 random bits, URL-safe, different each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('match only exactly, whatever the length', () => {
    const token = newToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, token.toUpperCase())).toBe(false);
    expect(tokenMatches(token, `${token}${token}`)).toBe(false);
  });
});

describe('addresses', () => {
  it('knows loopback', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', 'localhost'].some(isLoopback)).toBe(false);
  });

  it('shows a wildcard bind as the loopback URL to open', () => {
    expect(hostForUrl(any)).toBe('127.0.0.1:4100');
    expect(hostForUrl({ address: '::', port: 80 })).toBe('[::1]:80');
    expect(hostForUrl(v6)).toBe('[::1]:4100');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders, WEB_CSP } from './securityHeaders.ts';
import { contentTypeOf, staticTarget } from './staticFiles.ts';

const root = '/srv/renderer';

describe('staticTarget', () => {
  // [what, request URL, file or status]
  const cases: [string, string, string | number][] = [
    ['the page', '/', '/srv/renderer/index.html'],
    ['the page with the token', '/?token=abc', '/srv/renderer/index.html'],
    ['an asset', '/assets/index-1a2b.js', '/srv/renderer/assets/index-1a2b.js'],
    ['a percent-encoded name', '/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
    ['a folder means its index.html', '/assets/', '/srv/renderer/assets/index.html'],
    ['dot-dot', '/../package.json', 403],
    ['dot-dot inside', '/assets/../../etc/passwd', 403],
    ['encoded dot-dot', '/%2e%2e/package.json', 403],
    ['encoded slashes', '/assets/..%2f..%2fpackage.json', 403],
    ['a single dot', '/./index.html', 403],
    ['backslashes', '/assets/..\\..\\package.json', 403],
    ['NUL', '/index.html%00.js', 403],
    ['broken percent-encoding', '/%E0%A4%A', 400],
    ['no leading slash', 'index.html', 400],
    ['an absolute URL form', 'http://127.0.0.1/etc/passwd', 400],
    ['a hidden file', '/.env', 404],
  ];
  it.each(cases)('%s', (_what, url, expected) => {
    const target = staticTarget(root, url);
    if (typeof expected === 'string') expect(target).toEqual({ path: expected });
    else expect('status' in target && target.status).toBe(expected);
  });
});

describe('contentTypeOf', () => {
  it('names the types the build writes, and nothing it guesses', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('/x/README')).toBe('application/octet-stream');
  });
});

describe('security headers', () => {
  it("use index.html's Content-Security-Policy, plus no framing", () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(WEB_CSP).toBe(`${meta}; frame-ancestors 'none'`);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
  });
});

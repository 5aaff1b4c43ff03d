import { describe, expect, it } from 'vitest';
import { benchConfigDefaults, parseTargetUrl, type BenchConfig, type TargetAddress } from './config.ts';
import { buildRequestBytes } from './request.ts';

function requestText(overrides: Partial<BenchConfig>): string {
  const config: BenchConfig = { ...benchConfigDefaults, url: 'http://example.test:8080/a?b=1', ...overrides };
  const target = parseTargetUrl(config.url) as TargetAddress;
  return buildRequestBytes(config, target).toString('latin1');
}

describe('buildRequestBytes', () => {
  it('sends the path, query and Host of the URL', () => {
    expect(requestText({})).toBe('GET /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\n\r\n');
  });

  it('lets -H replace Host and adds headers in order', () => {
    expect(requestText({ headers: [['Host', 'other'], ['X-A', '1']] })).toBe('GET /a?b=1 HTTP/1.1\r\nHost: other\r\nX-A: 1\r\n\r\n');
  });

  it('frames a body with Content-Length', () => {
    expect(requestText({ method: 'POST', body: Buffer.from('hi') })).toBe('POST /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\nContent-Length: 2\r\n\r\nhi');
  });

  it('sends Content-Length: 0 for an empty POST', () => {
    expect(requestText({ method: 'POST' })).toContain('Content-Length: 0\r\n');
  });

  it('asks the server to close when keep-alive is off', () => {
    expect(requestText({ keepAlive: false })).toBe('GET /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\nConnection: close\r\n\r\n');
  });
});

describe('parseTargetUrl', () => {
  it.each([
    ['http://127.0.0.1/', { host: '127.0.0.1', port: 80, path: '/', hostHeader: '127.0.0.1', tls: false }],
    ['http://[::1]:9000/x', { host: '::1', port: 9000, path: '/x', hostHeader: '[::1]:9000', tls: false }],
    ['http://localhost:7878', { host: 'localhost', port: 7878, path: '/', hostHeader: 'localhost:7878', tls: false }],
    ['https://example.com/a?b', { host: 'example.com', port: 443, path: '/a?b', hostHeader: 'example.com', tls: true }],
    ['https://localhost:8443/', { host: 'localhost', port: 8443, path: '/', hostHeader: 'localhost:8443', tls: true }],
  ])('%s', (url, expected) => {
    expect(parseTargetUrl(url)).toEqual(expected);
  });

  it.each([
    ['ftp://host/', /not an http or https URL/],
    ['http://user:pw@host/', /credentials/],
    ['localhost:80', /not an http or https URL/],
    ['', /not a URL/],
  ])('rejects %j', (url, message) => {
    expect(parseTargetUrl(url)).toMatch(message);
  });
});

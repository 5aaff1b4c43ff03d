import { describe, expect, it } from 'vitest';
import { UsageError } from './numbers.ts';
import { urlHostFromServerFlag } from './serverHost.ts';

describe('urlHostFromServerFlag', () => {
  it.each([
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com', 'example.com'],
    ['my_host.internal.', 'my_host.internal.'],
    ['::1', '[::1]'],
    ['[::1]', '[::1]'],
    ['fe80::1', '[fe80::1]'],
  ])('accepts %s as %s', (text, host) => {
    expect(urlHostFromServerFlag(text)).toBe(host);
  });

  it.each([
    ['127.0.0.1:19400/x', /^--server takes a host name or IP address only, got "127\.0\.0\.1:19400\/x": give the port with --port, the path with --uri$/],
    ['127.0.0.1:8080', /: give the port with --port$/],
    ['[::1]:8080', /: give the port with --port$/],
    ['localhost/index.html', /: the path with --uri$/],
    ['http://localhost/', /: no scheme$/],
    ['user@host', /^--server takes a host name or IP address only, got "user@host"$/],
    ['', /got ""$/],
    ['a b', /got "a b"$/],
  ])('refuses %j', (text, message) => {
    expect(() => urlHostFromServerFlag(text)).toThrow(UsageError);
    expect(() => urlHostFromServerFlag(text)).toThrow(message);
  });
});

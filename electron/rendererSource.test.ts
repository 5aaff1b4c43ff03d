import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveRendererSource, type RendererSource } from './rendererSource.ts';

const mainDir = '/opt/loadlab/out/main';
const indexPath = '/opt/loadlab/out/renderer/index.html';

describe('resolveRendererSource', () => {
  it('uses the built index.html next to out/main when there is no dev server', () => {
    expect(resolveRendererSource({ isPackaged: false, devServerUrl: undefined, mainDir })).toEqual({
      kind: 'file',
      path: indexPath,
    });
    expect(resolveRendererSource({ isPackaged: false, devServerUrl: '', mainDir }).kind).toBe('file');
  });

  it('uses the dev server origin in development', () => {
    const source = resolveRendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173/', mainDir });
    expect(source).toEqual({ kind: 'devServer', origin: 'http://localhost:5173' });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const source = resolveRendererSource({ isPackaged: true, devServerUrl: 'http://evil.example/', mainDir });
    expect(source).toEqual({ kind: 'file', path: indexPath });
  });

  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173', 'http://[::1]:5173/', 'http://LOCALHOST:5173/'])('accepts the loopback dev server %s', (devServerUrl) => {
    const source = resolveRendererSource({ isPackaged: false, devServerUrl, mainDir });
    expect(source.kind).toBe('devServer');
    expect(source.kind === 'devServer' && new URL(source.origin).port).toBe('5173');
  });

  it.each([
    'http://evil.example:5173/', // any other origin would pass the IPC sender check
    'http://127.0.0.1.evil.example:5173/',
    'http://localhost.evil.example/',
    'http://192.168.1.10:5173/',
    'http://0.0.0.0:5173/',
    'http://127.0.0.2:5173/',
    'http://user:pw@localhost:5173/',
    'https://localhost:5173/',
    'file:///tmp/index.html',
    'data:text/html,hi',
    'not a url',
  ])('refuses %s: only a loopback dev server', (devServerUrl) => {
    expect(() => resolveRendererSource({ isPackaged: false, devServerUrl, mainDir })).toThrow(
      `ELECTRON_RENDERER_URL must be a dev server on this machine (http://localhost:PORT, http://127.0.0.1:PORT or http://[::1]:PORT), got "${devServerUrl}"`,
    );
  });
});

describe('isAppUrl', () => {
  const file: RendererSource = { kind: 'file', path: indexPath };
  const dev: RendererSource = { kind: 'devServer', origin: 'http://localhost:5173' };

  // [what, source, url, trusted]
  const cases: [string, RendererSource, string, boolean][] = [
    ['the built page', file, 'file:///opt/loadlab/out/renderer/index.html', true],
    ['a hash route on it', file, 'file:///opt/loadlab/out/renderer/index.html#/runs', true],
    ['another file next to it', file, 'file:///opt/loadlab/out/renderer/other.html', false],
    ['dot segments resolve to it', file, 'file:///opt/loadlab/out/renderer/x/../../renderer/index.html', true],
    ['dot segments leave it', file, 'file:///opt/loadlab/out/renderer/index.html/../evil.html', false],
    ['a file URL with a host', file, 'file://host/opt/loadlab/out/renderer/index.html', false],
    ['a web page', file, 'http://localhost:5173/', false],
    ['a blank frame', file, 'about:blank', false],
    ['an empty URL', file, '', false],
    ['the dev server', dev, 'http://localhost:5173/', true],
    ['any path on it', dev, 'http://localhost:5173/src/main.tsx?t=1', true],
    ['another port', dev, 'http://localhost:5174/', false],
    ['another scheme', dev, 'https://localhost:5173/', false],
    ['another host name', dev, 'http://127.0.0.1:5173/', false],
    ['an opaque origin', dev, 'data:text/html,<p>hi</p>', false],
  ];

  it.each(cases)('%s', (_what, source, url, trusted) => {
    expect(isAppUrl(source, url)).toBe(trusted);
  });
});

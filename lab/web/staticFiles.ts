// Serves the built renderer (out/renderer) read-only: GET and HEAD of regular files under the
// folder, never a path outside it (dot segments, encoded slashes, symlinks out), with the
// content type from a fixed list of extensions.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Refusal } from './requestChecks.ts';
import { securityHeaders } from './securityHeaders.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file a request URL names under `rootDir`, or why it is refused. Pure: no file system. */
export function staticTarget(rootDir: string, requestUrl: string): { path: string } | Refusal {
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return { status: 400, reason: 'the request path must start with /' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, reason: 'the request path is not valid percent-encoding' };
  }
  const segments = path.split('/').slice(1);
  if (path.includes('\0') || path.includes('\\') || segments.some((segment) => segment === '..' || segment === '.')) {
    return { status: 403, reason: 'paths with dot segments, backslashes or NUL are refused' };
  }
  if (segments.some((segment) => segment.startsWith('.'))) return { status: 404, reason: 'not found' };
  const file = resolve(rootDir, ...(path.endsWith('/') ? [...segments, 'index.html'] : segments));
  const inside = relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { status: 403, reason: 'outside the served folder' };
  return { path: file };
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...securityHeaders, ...extra, 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function notBuiltPage(rootDir: string): string {
  const dir = escapeHtml(rootDir);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loadlab: not built</title></head><body>
<h1>The Loadlab page is not built</h1>
<p>There is no <code>index.html</code> in <code>${dir}</code>. Run <code>npm run build</code> in the Loadlab folder, then reload this page.</p>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Answers one request for a file of the built renderer. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, `${req.method ?? 'this method'} is not allowed: the page is read-only`, undefined, { Allow: 'GET, HEAD' });
    return;
  }
  const target = staticTarget(rootDir, req.url ?? '/');
  if ('status' in target) {
    sendText(res, target.status, target.reason);
    return;
  }
  const root = await realpath(rootDir).catch(() => null);
  const indexThere = root !== null && (await stat(resolve(root, 'index.html')).catch(() => null))?.isFile() === true;
  if (root === null || !indexThere) {
    sendText(res, 500, notBuiltPage(rootDir), 'text/html; charset=utf-8');
    return;
  }
  const real = await realpath(target.path).catch(() => null);
  const info = real === null ? null : await stat(real).catch(() => null);
  if (real === null || info === null || !info.isFile()) {
    // Browsers ask for /favicon.ico whether or not the page names one; "none" is not an error.
    if (req.url === '/favicon.ico') {
      res.writeHead(204, securityHeaders);
      res.end();
    } else sendText(res, 404, 'not found');
    return;
  }
  if (!real.startsWith(root + sep)) {
    sendText(res, 403, 'outside the served folder');
    return;
  }
  res.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypeOf(real), 'Content-Length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(real);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

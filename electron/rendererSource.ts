// Where the renderer page comes from, and whether a URL is that page. Pure: no Electron import,
// so the IPC sender check is unit-tested without an Electron binary.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The electron-vite dev server on loopback (unpackaged only) or the built index.html. */
export type RendererSource = { kind: 'devServer'; origin: string } | { kind: 'file'; path: string };

export interface SourceInputs {
  /** `app.isPackaged`: a packaged app never follows ELECTRON_RENDERER_URL. */
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** The folder of the built main script (out/main). */
  mainDir: string;
}

export function resolveRendererSource({ isPackaged, devServerUrl, mainDir }: SourceInputs): RendererSource {
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') {
    return { kind: 'file', path: resolve(mainDir, '../renderer/index.html') };
  }
  const url = URL.canParse(devServerUrl) ? new URL(devServerUrl) : null;
  // The page at this origin passes the IPC sender check, so it must be the developer's own
  // electron-vite server: plain http on a loopback name (file:, data: and friends have the
  // opaque origin "null"; any other host could be anyone's page).
  if (url === null || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') {
    throw new Error(
      `ELECTRON_RENDERER_URL must be a dev server on this machine (http://localhost:PORT, http://127.0.0.1:PORT or http://[::1]:PORT), got "${devServerUrl}"`,
    );
  }
  return { kind: 'devServer', origin: url.origin };
}

/** Host names as URL parses them (lower case, IPv6 in brackets). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `raw` is the app's own page: the dev server's origin, or the built index.html itself. */
export function isAppUrl(source: RendererSource, raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  if (source.kind === 'devServer') return url.origin === source.origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  return fileURLToPath(url) === source.path;
}

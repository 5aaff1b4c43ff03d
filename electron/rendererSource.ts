// Where the renderer page comes from, and whether a URL is that page. Pure: no Electron import,
// so the IPC sender check is unit-tested without an Electron binary.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The electron-vite dev server (development only) or the built index.html. */
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
  // Only http(s) has a real origin; file:, data: and friends all share the opaque origin "null".
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got "${devServerUrl}"`);
  }
  return { kind: 'devServer', origin: url.origin };
}

/** True when `raw` is the app's own page: the dev server's origin, or the built index.html itself. */
export function isAppUrl(source: RendererSource, raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  if (source.kind === 'devServer') return url.origin === source.origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  return fileURLToPath(url) === source.path;
}

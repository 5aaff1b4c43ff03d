import { BrowserWindow, nativeTheme } from 'electron';
import type { RendererSource } from './rendererSource.ts';

/** Matches the page background in app.css, so the window does not flash while loading. */
const BACKGROUND = { light: '#f7f7f8', dark: '#16171b' } as const;

export function createMainWindow(source: RendererSource, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Loadlab',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());

  const loading =
    source.kind === 'devServer' ? win.loadURL(source.origin) : win.loadFile(source.path);
  loading.catch((error: unknown) => {
    console.error(`loadlab: could not load the renderer from ${describe(source)}:`, error);
  });
  return win;
}

function describe(source: RendererSource): string {
  return source.kind === 'devServer' ? source.origin : source.path;
}

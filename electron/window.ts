import { BrowserWindow, nativeTheme } from 'electron';
import type { RendererSource } from './rendererSource.ts';
import { mainWindowOptions } from './windowOptions.ts';

export function createMainWindow(source: RendererSource, preloadPath: string, isPackaged: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath, nativeTheme.shouldUseDarkColors, !isPackaged));
  win.once('ready-to-show', () => win.show());

  const loading = source.kind === 'devServer' ? win.loadURL(source.origin) : win.loadFile(source.path);
  loading.catch((error: unknown) => {
    console.error(`loadlab: could not load the renderer from ${source.kind === 'devServer' ? source.origin : source.path}:`, error);
  });
  return win;
}

// The main window's options: a pure function, so the hardening is unit-tested without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

/** Matches the page background in app.css, so the window does not flash while loading. */
export const WINDOW_BACKGROUND = { light: '#f7f7f8', dark: '#16171b' } as const;

/** `devTools`: false in a packaged build, so no shortcut or page can open them either. */
export function mainWindowOptions(preloadPath: string, dark: boolean, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Loadlab',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

// Electron main: app lifecycle only. Windows, hardening and IPC live in their own files.
import { app, session, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppInfo } from './appInfo.ts';
import { resolveRendererSource } from './rendererSource.ts';
import { denyAllPermissions, lockDownWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

const mainDir = dirname(fileURLToPath(import.meta.url));

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  const source = resolveRendererSource({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    mainDir,
  });
  const preloadPath = join(mainDir, '../preload/index.cjs');
  let mainWindow: BrowserWindow | null = null;

  const showMainWindow = (): void => {
    if (!app.isReady()) return;
    if (mainWindow === null) {
      mainWindow = createMainWindow(source, preloadPath);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  lockDownWebContents();
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      registerAppInfo(source);
      showMainWindow();
    })
    .catch((error: unknown) => {
      console.error('loadlab: startup failed:', error);
      app.exit(1);
    });
}

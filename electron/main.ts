// Electron main: app lifecycle only. The lab, windows, hardening, IPC, menu and dialogs live in
// their own files.
import { app, BrowserWindow, Menu, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLab, type Lab } from '../lab/lab.ts';
import { resolveJournalDir } from '../lab/journalDir.ts';
import { exportJournal, importFiles, openJournalFolder } from './journalDialogs.ts';
import { serveLabOverIpc } from './labIpc.ts';
import { menuTemplate } from './menuTemplate.ts';
import { resolveRendererSource, type RendererSource } from './rendererSource.ts';
import { denyAllPermissions, lockDownWebContents } from './security.ts';
import { createMainWindow } from './window.ts';
import { errorMessage } from '../common/errorMessage.ts';

const mainDir = dirname(fileURLToPath(import.meta.url));

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  let source: RendererSource;
  try {
    source = resolveRendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env['ELECTRON_RENDERER_URL'], mainDir });
  } catch (error) {
    // A renderer URL that is not a loopback dev server: say why and start nothing.
    console.error(`loadlab: ${errorMessage(error)}`);
    app.exit(1);
    return;
  }
  const preloadPath = join(mainDir, '../preload/index.cjs');
  // LOADLAB_JOURNAL, else the user-data folder: the CLI's default journal is the same folder.
  const journalDir = resolveJournalDir({ userDataDir: app.getPath('userData') });
  let mainWindow: BrowserWindow | null = null;
  let lab: Lab | null = null;
  let closing: Promise<void> | null = null;

  const showMainWindow = (): void => {
    if (!app.isReady() || lab === null) return;
    if (mainWindow === null) {
      mainWindow = createMainWindow(source, preloadPath, app.isPackaged);
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
  // Quitting waits for the lab: a run in progress is stopped and saved, the server stopped.
  app.on('before-quit', (event) => {
    if (lab === null) return;
    event.preventDefault();
    const open = lab;
    closing ??= open
      .close()
      .catch((error: unknown) => console.error('loadlab: closing the lab failed:', error))
      .finally(() => {
        lab = null;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession);
      const created = await createLab({ journalDir, host: 'electron', electronVersion: process.versions.electron });
      lab = created;
      serveLabOverIpc(created, source);
      const parent = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? mainWindow;
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate(
            {
              importFiles: () => void importFiles(created, parent()),
              exportJournal: () => void exportJournal(created, parent()),
              openJournalFolder: () => void openJournalFolder(journalDir),
            },
            process.platform,
            app.isPackaged,
          ),
        ),
      );
      showMainWindow();
    })
    .catch((error: unknown) => {
      console.error('loadlab: startup failed:', error);
      app.exit(1);
    });
}

// The native menu as data: File has the journal's verbs, the rest are Electron's standard roles.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFiles(): void;
  exportJournal(): void;
  openJournalFolder(): void;
}

/**
 * A packaged build gets a View menu without reload and DevTools (Electron's standard View role
 * has both, with their shortcuts); a development build keeps the standard one.
 */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportJournal() },
      { type: 'separator' },
      { label: 'Open Journal Folder', click: () => actions.openJournalFolder() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = isPackaged
    ? { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
    : { role: 'viewMenu' };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}

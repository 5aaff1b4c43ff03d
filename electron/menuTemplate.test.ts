import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menuTemplate.ts';

function fileItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((item) => item.label === 'File');
  if (file === undefined || !Array.isArray(file.submenu)) throw new Error('no File menu');
  return file.submenu;
}

describe('menuTemplate', () => {
  it('has File with the journal verbs, then the standard Edit, View and Window roles', () => {
    const calls: string[] = [];
    const template = menuTemplate(
      { importFiles: () => calls.push('import'), exportJournal: () => calls.push('export'), openJournalFolder: () => calls.push('folder') },
      'linux',
      false,
    );
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'viewMenu', 'windowMenu']);
    const items = fileItems(template);
    expect(items.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Import…', 'Export…', 'separator', 'Open Journal Folder', 'separator', 'quit']);
    for (const item of items) item.click?.(...([] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>));
    expect(calls).toEqual(['import', 'export', 'folder']);
  });

  it('adds the app menu and closes the window from File on macOS', () => {
    const template = menuTemplate({ importFiles: () => undefined, exportJournal: () => undefined, openJournalFolder: () => undefined }, 'darwin', false);
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(fileItems(template).at(-1)).toEqual({ role: 'close' });
  });

  const noActions = { importFiles: () => undefined, exportJournal: () => undefined, openJournalFolder: () => undefined };

  /** Every role in the template, submenus included. */
  function roles(items: readonly MenuItemConstructorOptions[]): string[] {
    return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
  }

  it.each(['linux', 'darwin', 'win32'] as const)('has no DevTools and no reload in a packaged build on %s', (platform) => {
    const all = roles(menuTemplate(noActions, platform, true));
    // viewMenu is Electron's standard View menu: it carries toggleDevTools itself.
    for (const role of ['toggleDevTools', 'viewMenu', 'reload', 'forceReload']) expect(all).not.toContain(role);
    expect(all).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('keeps the standard View menu (with DevTools) in development', () => {
    expect(roles(menuTemplate(noActions, 'linux', false))).toContain('viewMenu');
  });
});

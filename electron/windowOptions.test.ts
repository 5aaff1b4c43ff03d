import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_BACKGROUND } from './windowOptions.ts';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/opt/loadlab/out/preload/index.cjs', false, false);

  it('isolates the page: context isolation, sandbox, no Node anywhere, web security on', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/loadlab/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('shows only when ready, on the background of the page theme', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(mainWindowOptions('/p', true, false).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('has DevTools only when asked (development builds)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', false, true).webPreferences?.devTools).toBe(true);
  });
});

// Applies the hardening (hardening.ts) to every web contents the app creates.
import { app, shell } from 'electron';
import { guardWebContents } from './hardening.ts';

export { denyAllPermissions } from './hardening.ts';

/** No navigation away from the app page, no new windows, no <webview>; web links in notes open in the system browser. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => void shell.openExternal(url));
  });
}

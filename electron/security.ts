// Hardening that applies to every web contents and session the app creates.
import { app, shell, type Session } from 'electron';
import { externalLinkTarget } from './externalLinks.ts';

/** No navigation away from the app page, no new windows, no <webview>; web links in notes open in the system browser. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const target = externalLinkTarget(url);
      if (target !== null) void shell.openExternal(target);
      return { action: 'deny' };
    });
  });
}

/** The app needs no camera, notifications, clipboard-read, USB, HID or any other permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

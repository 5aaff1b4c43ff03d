// Hardening that applies to every web contents and session the app creates.
import { app, BrowserWindow, type IpcMainInvokeEvent, type Session } from 'electron';
import { isAppUrl, type RendererSource } from './rendererSource.ts';

/** No navigation away from the app page, no new windows, no <webview>. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The app needs no camera, notifications, clipboard-read or any other permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * An IPC call is trusted only from the top frame of one of our windows showing the app page.
 * Returns the reason when it is not, for the error the renderer receives.
 */
export function untrustedSenderReason(event: IpcMainInvokeEvent, source: RendererSource): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a subframe';
  if (BrowserWindow.fromWebContents(event.sender) === null) return 'the sender is not an app window';
  if (!isAppUrl(source, frame.url)) return `the sender ${frame.url} is not the app page`;
  return null;
}

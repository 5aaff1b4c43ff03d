// The hardening every web contents and session gets, over structural types only (no Electron
// import at run time), so the rules are unit-tested without an Electron binary. security.ts
// applies them to each web contents and session the app creates.
import { externalLinkTarget } from './externalLinks.ts';

export interface Preventable {
  preventDefault(): void;
}

/** The parts of WebContents the hardening uses. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No navigation away from the app page, no redirect, no new windows, no <webview>. A web link
 * (http/https, no credentials) asked to open in a new window goes to `openExternal`; nothing
 * else leaves the app.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const refuse = (event: Preventable): void => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target !== null) openExternal(target);
    return { action: 'deny' };
  });
}

/** The parts of Session the permission policy uses. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** The app needs no camera, notifications, clipboard-read, USB, HID or any other permission. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

import { describe, expect, it } from 'vitest';
import { denyAllPermissions, guardWebContents, type Preventable } from './hardening.ts';

/** A web contents that records its listeners and open handler, so events can be played at it. */
class FakeContents {
  readonly listeners = new Map<string, (event: Preventable) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: string, listener: (event: Preventable) => void): this {
    this.listeners.set(event, listener);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Emits `event`; true when a listener prevented it. */
  emit(event: string): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('guardWebContents', () => {
  function guarded(): { contents: FakeContents; opened: string[] } {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardWebContents(contents, (url) => opened.push(url));
    return { contents, opened };
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (event) => {
    expect(guarded().contents.emit(event)).toBe(true);
  });

  it('denies every new window; a web link goes to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler?.({ url: 'https://github.com/giltene/wrk2' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/giltene/wrk2']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'not a url'])('opens nothing for %s', (url) => {
    const { contents, opened } = guarded();
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request, check and device', () => {
    const answers: boolean[] = [];
    const session = {
      request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
      check: null as null | (() => boolean),
      device: null as null | (() => boolean),
      setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) {
        this.request = handler;
      },
      setPermissionCheckHandler(handler: () => boolean) {
        this.check = handler;
      },
      setDevicePermissionHandler(handler: () => boolean) {
        this.device = handler;
      },
    };
    denyAllPermissions(session);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal']) session.request?.(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.check?.()).toBe(false);
    expect(session.device?.()).toBe(false);
  });
});

// Main-process side of the IPC contract: the only file that touches ipcMain (lint enforces it).
// Every handler checks its sender first.
import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import type { InvokeArgs, InvokeChannel, InvokeResult, SendArgs, SendChannel } from './ipcChannels.ts';
import type { RendererSource } from './rendererSource.ts';
import { untrustedSenderReason } from './senderCheck.ts';

export interface Handler<C extends InvokeChannel> {
  /** Validates the raw arguments from the renderer; throws with a clear message when they are wrong. */
  parseArgs(raw: readonly unknown[]): InvokeArgs<C>;
  run(...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
}

function isAppWindow(contents: WebContents): boolean {
  return BrowserWindow.fromWebContents(contents) !== null;
}

/** Registers a handler that refuses calls from anything but the app page and checks its arguments. */
export function handle<C extends InvokeChannel>(channel: C, source: RendererSource, handler: Handler<C>): () => void {
  ipcMain.handle(channel, (event, ...raw: unknown[]) => {
    const reason = untrustedSenderReason(event, source, isAppWindow);
    if (reason !== null) throw new Error(`IPC ${channel} refused: ${reason}`);
    return handler.run(...handler.parseArgs(raw));
  });
  return () => ipcMain.removeHandler(channel);
}

/** Sends to one page; the page's preload strips Electron's event object before the app sees it. */
export function send<C extends SendChannel>(contents: WebContents, channel: C, ...args: SendArgs<C>): void {
  if (!contents.isDestroyed()) contents.send(channel, ...args);
}

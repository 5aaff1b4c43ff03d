// Main-process side of the IPC contract: the one place that calls ipcMain.handle.
import { ipcMain } from 'electron';
import type { IpcArgs, IpcChannel, IpcResult } from './ipcChannels.ts';
import type { RendererSource } from './rendererSource.ts';
import { untrustedSenderReason } from './security.ts';

export interface Handler<C extends IpcChannel> {
  /** Validates the raw arguments from the renderer; throws with a clear message when they are wrong. */
  parseArgs(raw: readonly unknown[]): IpcArgs<C>;
  run(...args: IpcArgs<C>): IpcResult<C> | Promise<IpcResult<C>>;
}

/** Registers a handler that rejects calls from anything but the app page and checks its arguments. */
export function handle<C extends IpcChannel>(channel: C, source: RendererSource, handler: Handler<C>): void {
  ipcMain.handle(channel, (event, ...raw: unknown[]) => {
    const reason = untrustedSenderReason(event, source);
    if (reason !== null) throw new Error(`IPC ${channel} refused: ${reason}`);
    return handler.run(...handler.parseArgs(raw));
  });
}

/** parseArgs for channels that take no arguments. */
export function noArgs(raw: readonly unknown[]): [] {
  if (raw.length !== 0) throw new Error(`expected no arguments, got ${raw.length}`);
  return [];
}

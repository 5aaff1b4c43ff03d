import { app } from 'electron';
import type { AppInfo } from '../common/appApi.ts';
import { handle, noArgs } from './ipc.ts';
import type { RendererSource } from './rendererSource.ts';

export function registerAppInfo(source: RendererSource): void {
  handle('app:info', source, {
    parseArgs: noArgs,
    run: (): AppInfo => ({
      version: app.getVersion(),
      electron: process.versions.electron,
      node: process.versions.node,
    }),
  });
}

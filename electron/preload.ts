// Runs sandboxed, so it is bundled to one CommonJS file that requires nothing but `electron`.
// It exposes named verbs only, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { LoadlabApi } from '../common/appApi.ts';
import type { IpcArgs, IpcChannel, IpcResult } from './ipcChannels.ts';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<C>>;
}

const api = {
  appInfo: () => invoke('app:info'),
} satisfies LoadlabApi;

contextBridge.exposeInMainWorld('loadlab', api);

// Runs sandboxed, so it is bundled to one CommonJS file that requires nothing but `electron`.
// It exposes named verbs only (preloadBridge.ts), never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { createLabBridge, type PreloadIpc } from './preloadBridge.ts';

const ipc: PreloadIpc = {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    ipcRenderer.on(channel, listener);
  },
};

contextBridge.exposeInMainWorld('loadlab', createLabBridge(ipc));

// Every IPC channel between preload and main, declared once. Main's `handle`/`send` (ipc.ts) and
// the preload's bridge are typed from these maps, so a channel's name, arguments and result
// cannot drift apart. Channel names appear nowhere else.
import type { LabEventName, LabEvents, LabMethod } from '../common/labApi.ts';
import type { LabOutcome } from '../common/labBridge.ts';

/** Renderer → main, answered: ipcRenderer.invoke / ipcMain.handle. */
export interface InvokeChannels {
  'lab:call': { args: [method: LabMethod, params: unknown]; result: LabOutcome };
}

/** Main → renderer: webContents.send / ipcRenderer.on. */
export interface SendChannels {
  'lab:event': [event: LabEventName, payload: LabEvents[LabEventName]];
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type SendChannel = keyof SendChannels;
export type SendArgs<C extends SendChannel> = SendChannels[C];

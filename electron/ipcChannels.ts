// Every IPC channel between preload and main, declared once. The preload's `invoke` and main's
// `handle` are typed from this map, so a channel's name, arguments and result cannot drift apart.
import type { AppInfo } from '../common/appApi.ts';

export interface IpcChannels {
  'app:info': { args: []; result: AppInfo };
}

export type IpcChannel = keyof IpcChannels;
export type IpcArgs<C extends IpcChannel> = IpcChannels[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcChannels[C]['result'];

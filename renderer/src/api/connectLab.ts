// The one way views get the lab: Electron's preload bridge when there is one, otherwise the
// WebSocket of `loadlab web`, whose token is in this page's address (?token=…).
import type { LabApi } from '../../../common/labApi.ts';
import type { LabBridge } from '../../../common/labBridge.ts';
import { fromBridge } from './bridgeApi.ts';
import { LabConnectionError } from './errors.ts';
import { openBrowserSocket } from './socket.ts';
import type { OpenSocket } from './socketTypes.ts';
import { createWsLabClient } from './wsClient.ts';

export interface PageContext {
  /** window.loadlab, set by the Electron preload. */
  bridge: LabBridge | undefined;
  /** window.location.href */
  pageUrl: string;
  openSocket: OpenSocket;
}

/** The lab API's WebSocket address for a page served by `loadlab web`, or null without a token. */
export function apiSocketUrl(pageUrl: string): string | null {
  const page = new URL(pageUrl);
  const token = page.searchParams.get('token');
  if (token === null || token === '') return null;
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}/api?token=${encodeURIComponent(token)}`;
}

export async function connectLabFrom({ bridge, pageUrl, openSocket }: PageContext): Promise<LabApi> {
  if (bridge !== undefined) return fromBridge(bridge);
  const url = apiSocketUrl(pageUrl);
  if (url === null) {
    throw new LabConnectionError('This page was opened without its access token: open the address `loadlab web` printed (it ends in ?token=…).');
  }
  const client = createWsLabClient({ url, openSocket });
  await client.ready;
  return client;
}

export function connectLab(): Promise<LabApi> {
  return connectLabFrom({ bridge: window.loadlab, pageUrl: window.location.href, openSocket: openBrowserSocket });
}

// The lab API over WebSocket: calls answered by id, every lab event pushed to every client.
// The HTTP side (webHost.ts) has checked Host, Origin and token before a socket gets here.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { labEventNames } from '../../common/labNames.ts';
import type { HostToClient } from '../../common/labWire.ts';
import type { ServedLab } from './servedLab.ts';
import { readIncoming, runCall } from './wireMessages.ts';

/** Imports carry whole report files, so messages may be big; past this ws closes with 1009. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Clients get this long to answer our close frame before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;

export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_INVALID = 1007;
export const CLOSE_GOING_AWAY = 1001;

export interface WireServer {
  /** Completes an upgrade the caller has already allowed. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly clientCount: number;
  /** Closes every client and stops forwarding events. */
  close(): Promise<void>;
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Close reasons are limited to 123 bytes. */
function closeReason(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= 123 ? text : `${bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '')}…`;
}

function send(ws: WebSocket, message: HostToClient): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

export function createWireServer(lab: ServedLab, { maxMessageBytes = MAX_MESSAGE_BYTES } = {}): WireServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });

  const unsubscribes = labEventNames.map((event) =>
    lab.on(event, (payload) => {
      const text = JSON.stringify({ type: 'event', event, payload } satisfies HostToClient);
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
    }),
  );

  wss.on('connection', (ws: WebSocket) => {
    // ws reports protocol errors (too big, bad UTF-8) here and then closes with the fitting code.
    ws.on('error', () => undefined);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(CLOSE_UNSUPPORTED, 'binary messages are not part of the lab API; send JSON text');
        return;
      }
      const incoming = readIncoming(textOf(data));
      if (incoming.kind === 'unreadable') ws.close(CLOSE_INVALID, closeReason(incoming.reason));
      else if (incoming.kind === 'answer') send(ws, incoming.result);
      else void runCall(lab, incoming.call).then((result) => send(ws, result));
    });
  });

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    get clientCount() {
      return wss.clients.size;
    },
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      const clients = [...wss.clients];
      const closed = clients.map((ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))));
      for (const ws of clients) ws.close(CLOSE_GOING_AWAY, 'loadlab web is stopping');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
      await Promise.race([Promise.all(closed), grace]);
      clearTimeout(timer);
      for (const ws of clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

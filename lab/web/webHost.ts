// `loadlab web`'s server: the built renderer over HTTP and the lab API over WebSocket at /api,
// on 127.0.0.1 unless asked otherwise. See requestChecks.ts for who gets an answer.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { API_PATH, hostForUrl, hostRefusal, upgradeRefusal, type BoundAddress, type Refusal } from './requestChecks.ts';
import type { ServedLab } from './servedLab.ts';
import { sendText, serveStatic } from './staticFiles.ts';
import { newToken } from './token.ts';
import { createWireServer, MAX_MESSAGE_BYTES } from './wireServer.ts';
import { errorMessage } from '../../common/errorMessage.ts';

export interface WebHostOptions {
  lab: ServedLab;
  /** Address to bind; loopback unless the person asked for more. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  maxMessageBytes?: number;
}

export interface WebHost {
  /** The page to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  token: string;
  address: BoundAddress;
  /** Closes clients and the listener; the lab stays open (its creator closes it). */
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, { status, reason }: Refusal): void {
  const body = Buffer.from(`${reason}\n`, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('utf8')}`,
  );
}

export async function startWebHost({ lab, host = '127.0.0.1', port = 0, rendererDir, maxMessageBytes = MAX_MESSAGE_BYTES }: WebHostOptions): Promise<WebHost> {
  const token = newToken();
  const wire = createWireServer(lab, { maxMessageBytes });
  let bound: BoundAddress = { address: host, port };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const refusal = hostRefusal(req.headers.host, bound);
    if (refusal !== null) sendText(res, refusal.status, refusal.reason);
    else if (req.url?.split('?')[0] === API_PATH) sendText(res, 426, `${API_PATH} is the lab API: connect with a WebSocket`, undefined, { Upgrade: 'websocket' });
    else serveStatic(req, res, rendererDir).catch((error: unknown) => sendText(res, 500, `could not read the file: ${errorMessage(error)}`));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = hostRefusal(req.headers.host, bound) ?? upgradeRefusal(req.url, req.headers, token);
    if (refusal !== null) refuseUpgrade(socket, refusal);
    else wire.accept(req, socket, head);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await wire.close();
    throw new Error(`loadlab web could not listen on ${host}:${port}: ${errorMessage(error)}`);
  }
  const address = server.address() as AddressInfo;
  bound = { address: address.address, port: address.port };

  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl(bound)}/?token=${token}`,
    token,
    address: bound,
    close() {
      closing ??= (async () => {
        await wire.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

// Opens a load socket: no Nagle delay, and reads into the thread's shared buffer (every read
// is handled synchronously, so one buffer serves all sockets without an allocation per read).
import net from 'node:net';

export interface SocketTarget {
  readonly job: { readonly host: string; readonly port: number };
  readonly readBuffer: Buffer;
}

export function connectLoadSocket(target: SocketTarget, onData: (bytesRead: number, buffer: Buffer) => void): net.Socket {
  return net.connect({
    host: target.job.host,
    port: target.job.port,
    noDelay: true,
    onread: {
      buffer: target.readBuffer,
      callback: (bytesRead: number, buffer: Uint8Array) => {
        onData(bytesRead, buffer as Buffer);
        return true;
      },
    },
  });
}

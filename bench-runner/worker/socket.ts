// Opens a load socket: no Nagle delay, and reads into the thread's shared buffer (every read
// is handled synchronously, so one buffer serves all sockets without an allocation per read).
// https: a TLS socket with SNI, verification unless insecure, the thread's one secure context
// (built once: a context per connect would cost a CA-store load each time), and the
// connection's previous session offered for resumption.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsJob } from '../messages.ts';

export interface SocketTarget {
  readonly job: { readonly host: string; readonly port: number; readonly tls: TlsJob | null };
  readonly readBuffer: Buffer;
  /** https only: the thread's secure context (secureContextFor). */
  readonly secureContext: tls.SecureContext | null;
}

/** The secure context of one thread: the built-in roots plus the private CA, if any. */
export function secureContextFor(job: TlsJob | null): tls.SecureContext | null {
  if (job === null) return null;
  return tls.createSecureContext(job.caPem === null ? {} : { ca: [...tls.rootCertificates, job.caPem] });
}

/**
 * The event after which requests may be written: 'connect' for plain TCP, 'secureConnect'
 * once the TLS handshake is done (a TLS socket also emits 'connect' at the TCP connect).
 */
export function readyEvent(target: SocketTarget): 'connect' | 'secureConnect' {
  return target.job.tls === null ? 'connect' : 'secureConnect';
}

export function connectLoadSocket(target: SocketTarget, onData: (bytesRead: number, buffer: Buffer) => void, session: Buffer | null = null): net.Socket {
  const onread = {
    buffer: target.readBuffer,
    callback: (bytesRead: number, buffer: Uint8Array) => {
      onData(bytesRead, buffer as Buffer);
      return true;
    },
  };
  const { host, port, tls: tlsJob } = target.job;
  if (tlsJob === null) return net.connect({ host, port, noDelay: true, onread });
  // tls.connect honours `onread` as net.connect does (the TLS layer reads into the buffer);
  // @types/node leaves it out of ConnectionOptions.
  const options: tls.ConnectionOptions & { onread: net.OnReadOpts } = {
    host,
    port,
    ...(tlsJob.servername === null ? {} : { servername: tlsJob.servername }),
    secureContext: target.secureContext ?? undefined,
    rejectUnauthorized: !tlsJob.insecure,
    ...(session === null ? {} : { session }),
    onread,
  };
  const socket = tls.connect(options);
  socket.setNoDelay(true);
  return socket;
}

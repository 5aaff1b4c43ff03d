// The `single` model's listener: accepts connections without reading them and hands them to
// node:http one at a time; the next is taken when the current one closes. A waiting connection
// is not read at all (as in a listen backlog), so its header timeout starts when its turn comes.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export class ConnectionGate {
  private readonly listener: net.Server;
  private readonly waiting: net.Socket[] = [];
  private readonly waitingSinceMs = new WeakMap<net.Socket, number>();
  private active: net.Socket | null = null;
  private closed = false;

  constructor(
    /** The node:http server (only its 'connection' and 'listening' events are used). */
    private readonly http: net.Server,
    onAccepted: (socket: net.Socket) => void,
  ) {
    // allowHalfOpen as node:http's own listener: a client's FIN does not end the server's side.
    this.listener = net.createServer({ pauseOnConnect: true, noDelay: true, allowHalfOpen: true }, (socket) => {
      onAccepted(socket);
      socket.on('error', () => socket.destroy());
      this.waiting.push(socket);
      this.waitingSinceMs.set(socket, performance.now());
      this.next();
    });
    // node:http starts its header and request timers for connections of a server that emitted
    // 'listening'; this server's connections come from the gate, so it never listens itself.
    this.http.emit('listening');
  }

  get server(): net.Server {
    return this.listener;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  /** When the connection started waiting for its turn (performance.now() ms), once; then undefined. */
  takeWaitStart(socket: net.Socket): number | undefined {
    const since = this.waitingSinceMs.get(socket);
    this.waitingSinceMs.delete(socket);
    return since;
  }

  /** Stops accepting and closes the connections still waiting (they were never read). */
  close(): void {
    this.closed = true;
    this.listener.close();
    for (const socket of this.waiting.splice(0)) socket.destroy();
  }

  private next(): void {
    while (this.active === null && !this.closed) {
      const socket = this.waiting.shift();
      if (socket === undefined) return;
      if (socket.destroyed) continue;
      this.active = socket;
      socket.once('close', () => {
        this.active = null;
        this.next();
      });
      this.http.emit('connection', socket);
      socket.resume();
    }
  }
}

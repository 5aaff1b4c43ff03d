// A socket the test drives by hand, and timers that run when the test says.
import type { ClientSocket, OpenSocket, SocketHandlers } from '../socketTypes.ts';
import type { Timers } from '../wsClient.ts';

export interface FakeSocket extends ClientSocket {
  url: string;
  sent: unknown[];
  closedWith: { code: number; reason: string } | null;
  open(): void;
  receive(message: unknown): void;
  receiveText(text: string): void;
  drop(code: number, reason?: string): void;
}

export function fakeSockets(): { openSocket: OpenSocket; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  const openSocket: OpenSocket = (url: string, handlers: SocketHandlers) => {
    const socket: FakeSocket = {
      url,
      sent: [],
      closedWith: null,
      send(text) {
        socket.sent.push(JSON.parse(text));
      },
      close(code, reason) {
        socket.closedWith = { code, reason };
      },
      open: () => handlers.onOpen(),
      receive: (message) => handlers.onMessage(JSON.stringify(message)),
      receiveText: (text) => handlers.onMessage(text),
      drop: (code, reason = '') => handlers.onClose(code, reason),
    };
    sockets.push(socket);
    return socket;
  };
  return { openSocket, sockets };
}

export interface ManualTimers extends Timers {
  /** Scheduled delays, in order. */
  delays: number[];
  /** Runs every callback due now. */
  runAll(): void;
  readonly waiting: number;
}

export function manualTimers(): ManualTimers {
  const queue = new Map<number, () => void>();
  let next = 1;
  const delays: number[] = [];
  return {
    delays,
    set(callback, ms) {
      delays.push(ms);
      queue.set(next, callback);
      return next++;
    },
    clear(handle) {
      queue.delete(handle as number);
    },
    runAll() {
      const due = [...queue.values()];
      queue.clear();
      for (const callback of due) callback();
    },
    get waiting() {
      return queue.size;
    },
  };
}

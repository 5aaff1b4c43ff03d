// The lab API over WebSocket (`loadlab web`), as the same LabApi the preload gives in Electron.
// Calls carry ids and wait for their result; events go to `on` listeners. When the socket drops,
// every waiting call is rejected at once with a LabConnectionError saying why, and the client
// reconnects with exponential backoff; listeners stay subscribed across reconnects.
import { LabError, type LabApi, type LabEventName, type LabEvents, type LabMethod, type LabParams, type LabResults } from '../../../common/labApi.ts';
import type { HostToClient, WireCall } from '../../../common/labWire.ts';
import { describeClose, LabConnectionError } from './errors.ts';
import type { ClientSocket, OpenSocket } from './socketTypes.ts';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface WsClientOptions {
  /** ws://host:port/api?token=… */
  url: string;
  openSocket: OpenSocket;
  timers?: Timers;
  /** Milliseconds before reconnect attempt `attempt` (0 first). */
  backoffMs?: (attempt: number) => number;
  /** Where a throwing event listener's error goes. */
  reportError?: (error: unknown) => void;
}

export interface WsLabClient extends LabApi {
  /** Resolves when the first connection opens; rejects (and gives up) when it cannot. */
  readonly ready: Promise<void>;
  /** Closes the socket for good; waiting calls are rejected. */
  close(): void;
  onConnection(listener: (state: 'connected' | 'reconnecting') => void): () => void;
}

/** 250 ms, doubling, at most 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 250 * 2 ** Math.min(attempt, 16));
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Pending {
  method: LabMethod;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

type Listener = (payload: never) => void;

function isHostMessage(value: unknown): value is HostToClient {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  if (value.type === 'result') return 'id' in value && typeof value.id === 'number' && 'ok' in value;
  return value.type === 'event' && 'event' in value && typeof value.event === 'string';
}

export function createWsLabClient({ url, openSocket, timers = browserTimers, backoffMs = reconnectDelayMs, reportError = console.error }: WsClientOptions): WsLabClient {
  const pending = new Map<number, Pending>();
  const listeners = new Map<LabEventName, Set<Listener>>();
  const connectionListeners = new Set<(state: 'connected' | 'reconnecting') => void>();
  const tellConnection = (state: 'connected' | 'reconnecting'): void => {
    for (const listener of [...connectionListeners]) {
      try {
        listener(state);
      } catch (error) {
        reportError(error);
      }
    }
  };
  let socket: ClientSocket | null = null;
  let isOpen = false;
  let everOpened = false;
  let disposed = false;
  let attempt = 0;
  let retry: unknown = null;
  let nextId = 1;
  let settleReady: { resolve(): void; reject(error: Error): void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  // Whoever awaits `ready` sees a failure; nobody awaiting it is not an unhandled rejection.
  ready.catch(() => undefined);

  function rejectAll(why: string): void {
    for (const [id, call] of pending) {
      pending.delete(id);
      call.reject(new LabConnectionError(`${call.method}: ${why}`));
    }
  }

  function receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      reportError(new LabConnectionError(`loadlab web sent a message that is not JSON: ${text.slice(0, 100)}`));
      return;
    }
    if (!isHostMessage(message)) {
      reportError(new LabConnectionError(`loadlab web sent a message of no known type: ${text.slice(0, 100)}`));
      return;
    }
    if (message.type === 'event') {
      for (const listener of [...(listeners.get(message.event) ?? [])]) {
        try {
          (listener as (payload: unknown) => void)(message.payload);
        } catch (error) {
          reportError(error);
        }
      }
      return;
    }
    const call = pending.get(message.id);
    if (call === undefined) return;
    pending.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(new LabError(message.error.code, message.error.message));
  }

  function connect(): void {
    retry = null;
    const current = openSocket(url, {
      onOpen() {
        if (current !== socket) return;
        isOpen = true;
        const reopened = everOpened;
        everOpened = true;
        attempt = 0;
        settleReady?.resolve();
        if (reopened) tellConnection('connected');
      },
      onMessage(text) {
        if (current === socket) receive(text);
      },
      onClose(code, reason) {
        if (current !== socket) return;
        socket = null;
        isOpen = false;
        const why = describeClose(code, reason);
        rejectAll(`the connection closed before the answer came (${why}); reconnecting`);
        if (!everOpened) {
          disposed = true;
          const where = url.replace(/\?.*$/, '');
          settleReady?.reject(
            new LabConnectionError(
              `Cannot reach loadlab web at ${where} (${why}). It may have stopped, or this page is from an earlier start (each start has a new token): run \`npx loadlab web\` and open the address it prints.`,
            ),
          );
          return;
        }
        if (disposed) return;
        if (attempt === 0) tellConnection('reconnecting');
        retry = timers.set(connect, backoffMs(attempt++));
      },
    });
    socket = current;
  }

  connect();

  return {
    ready,
    call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabResults[M]> {
      if (socket === null || !isOpen) {
        const why = disposed ? 'the connection to loadlab web is closed' : 'not connected to loadlab web right now (reconnecting); try again in a moment';
        return Promise.reject(new LabConnectionError(`${method}: ${why}`));
      }
      const id = nextId++;
      const message: WireCall = { type: 'call', id, method, params };
      const open = socket;
      return new Promise<LabResults[M]>((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
        open.send(JSON.stringify(message));
      });
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    close() {
      disposed = true;
      if (retry !== null) timers.clear(retry);
      retry = null;
      const closing = socket;
      socket = null;
      isOpen = false;
      rejectAll('the connection to loadlab web was closed by the page');
      settleReady?.reject(new LabConnectionError('the connection to loadlab web was closed by the page'));
      closing?.close(1000, 'page closed the connection');
    },
  };
}

// The little the WebSocket client needs from a socket, so tests (and the benchmark, over the
// `ws` package) can give it another one. No DOM types here: this compiles for Node too.

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(code: number, reason: string): void;
}

export interface ClientSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export type OpenSocket = (url: string, handlers: SocketHandlers) => ClientSocket;

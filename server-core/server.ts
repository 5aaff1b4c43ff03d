// The library API that lab/ and the CLI use: start the built-in server from a validated config,
// get its address, telemetry and status events, and stop it gracefully. The server runs in a
// worker thread of its own; this side only relays its few messages per second.
import { Worker } from 'node:worker_threads';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { validateServerConfig, type ServerConfig, type ServerConfigInput } from './config.ts';
import type { HostToServer, ServerAddress, ServerToHost, StopReport } from './messages.ts';
import { threadEntry } from '../threads/threadEntry.ts';

export type { ServerAddress, StopReport } from './messages.ts';

/** Grace period of stop() when none is given. */
export const DEFAULT_GRACE_MS = 5000;
/** How long stop() waits beyond the grace period before ending the thread regardless (a loop blocked by /sleep). */
const STOP_MARGIN_MS = 3000;

/** Changes after startServer() resolved (the server is listening from then on). */
export type ServerStatus =
  | { state: 'stopping' }
  | { state: 'stopped'; report: StopReport | null }
  | { state: 'failed'; message: string };

interface ServerEvents {
  telemetry: (sample: ServerTelemetrySample) => void;
  status: (status: ServerStatus) => void;
}

export interface BuiltinServer {
  readonly address: ServerAddress;
  readonly config: ServerConfig;
  on<E extends keyof ServerEvents>(event: E, listener: ServerEvents[E]): this;
  off<E extends keyof ServerEvents>(event: E, listener: ServerEvents[E]): this;
  /**
   * Stops accepting, answers the requests in flight within `graceMs` (their responses close
   * their connections), closes idle connections, then cuts off what is left. Resolves with what
   * happened; null when the server thread had to be ended without a report.
   */
  stop(graceMs?: number): Promise<StopReport | null>;
}


/** Starts the server; rejects with ServerConfigError for a bad config, or an Error saying why it could not listen. */
export async function startServer(input: ServerConfigInput): Promise<BuiltinServer> {
  const config = validateServerConfig(input);
  // Built JavaScript, like every thread (threads/threadEntry.ts).
  const worker = new Worker(await threadEntry(import.meta.url, 'serverThread.js'), { workerData: { config }, name: 'loadlab-server' });
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerToHost): void => {
      if (message.type === 'listening') {
        detach();
        resolve(new ServerHandle(worker, config, message.address));
      } else if (message.type === 'fatal') {
        detach();
        worker.on('error', () => undefined);
        void worker.terminate();
        reject(new Error(message.message));
      }
    };
    const onError = (error: Error): void => {
      detach();
      reject(new Error(`the server thread failed to start: ${error.message}`));
    };
    const onExit = (code: number): void => {
      detach();
      reject(new Error(`the server thread exited with code ${code} before listening`));
    };
    const detach = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

class ServerHandle implements BuiltinServer {
  private readonly listeners: { [E in keyof ServerEvents]: Set<ServerEvents[E]> } = { telemetry: new Set(), status: new Set() };
  private stopped: Promise<StopReport | null> | null = null;
  private exited = false;
  private failure: string | null = null;

  constructor(
    private readonly worker: Worker,
    readonly config: ServerConfig,
    readonly address: ServerAddress,
  ) {
    worker.on('message', (message: ServerToHost) => this.onMessage(message));
    worker.on('error', (error) => {
      this.failure = error.message;
    });
    worker.on('exit', (code) => {
      this.exited = true;
      if (this.stopped === null) this.emitStatus({ state: 'failed', message: this.failure ?? `the server thread exited with code ${code}` });
    });
  }

  on<E extends keyof ServerEvents>(event: E, listener: ServerEvents[E]): this {
    this.listeners[event].add(listener);
    return this;
  }

  off<E extends keyof ServerEvents>(event: E, listener: ServerEvents[E]): this {
    this.listeners[event].delete(listener);
    return this;
  }

  stop(graceMs = DEFAULT_GRACE_MS): Promise<StopReport | null> {
    this.stopped ??= this.stopThread(graceMs);
    return this.stopped;
  }

  private async stopThread(graceMs: number): Promise<StopReport | null> {
    if (this.exited) return null;
    const report = await new Promise<StopReport | null>((resolve) => {
      const deadline = setTimeout(() => finish(null), graceMs + STOP_MARGIN_MS);
      const onMessage = (message: ServerToHost): void => {
        if (message.type === 'stopped') finish(message.report);
      };
      const onExit = (): void => finish(null);
      const finish = (result: StopReport | null): void => {
        clearTimeout(deadline);
        this.worker.off('message', onMessage);
        this.worker.off('exit', onExit);
        resolve(result);
      };
      this.worker.on('message', onMessage);
      this.worker.on('exit', onExit);
      const stop: HostToServer = { type: 'stop', graceMs };
      this.worker.postMessage(stop);
    });
    await this.worker.terminate();
    this.emitStatus({ state: 'stopped', report });
    return report;
  }

  private onMessage(message: ServerToHost): void {
    if (message.type === 'telemetry') {
      for (const listener of this.listeners.telemetry) listener(message.sample);
    } else if (message.type === 'stopping') {
      this.emitStatus({ state: 'stopping' });
    } else if (message.type === 'fatal') {
      this.emitStatus({ state: 'failed', message: message.message });
    }
  }

  private emitStatus(status: ServerStatus): void {
    for (const listener of this.listeners.status) listener(status);
  }
}

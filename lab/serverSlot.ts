// The lab's one built-in server: start, stop, status and telemetry. A second start while one
// runs is refused; a crash is reported as a status with its error.
import { LabError, serverStartParamsSchema, type ServerStatus } from '../common/labApi.ts';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { startServer, type BuiltinServer } from '../server-core/server.ts';
import type { z } from 'zod';
import { errorMessage } from '../common/errorMessage.ts';

type ServerStartInput = z.output<typeof serverStartParamsSchema>;

export interface ServerSlotEvents {
  status(status: ServerStatus): void;
  telemetry(sample: ServerTelemetrySample): void;
}

/** Grace period for requests in flight when the lab stops its server. */
const STOP_GRACE_MS = 2000;

export class ServerSlot {
  private server: BuiltinServer | null = null;
  private current: ServerStatus = { state: 'stopped', settings: null, url: null, error: null };

  constructor(private readonly events: ServerSlotEvents) {}

  get status(): ServerStatus {
    return this.current;
  }

  /** The running server's base URL and settings, or null. */
  get running(): { url: string; server: BuiltinServer } | null {
    return this.server !== null && this.current.url !== null ? { url: this.current.url, server: this.server } : null;
  }

  async start(params: ServerStartInput): Promise<ServerStatus> {
    if (this.current.state !== 'stopped') {
      throw new LabError('busy', `the built-in server is ${this.current.state}${this.current.url ? ` at ${this.current.url}` : ''}; stop it first`);
    }
    const settings = { model: params.model, workers: params.workers, keepAlive: params.keepAlive, closeSilently: params.closeSilently };
    this.setStatus({ state: 'starting', settings, url: null, error: null });
    try {
      const server = await startServer({ ...settings, host: '127.0.0.1', port: params.port });
      this.server = server;
      server.on('telemetry', (sample) => this.events.telemetry(sample));
      server.on('status', (status) => {
        if (this.server !== server) return;
        if (status.state === 'failed') {
          this.server = null;
          this.setStatus({ state: 'stopped', settings: null, url: null, error: `the server stopped: ${status.message}` });
        }
      });
      this.setStatus({ state: 'running', settings, url: `http://127.0.0.1:${server.address.port}`, error: null });
    } catch (error) {
      const message = errorMessage(error);
      this.setStatus({ state: 'stopped', settings: null, url: null, error: message });
      throw new LabError('failed', `could not start the built-in server: ${message}`);
    }
    return this.current;
  }

  async stop(): Promise<ServerStatus> {
    const server = this.server;
    if (server === null) return this.current;
    this.setStatus({ ...this.current, state: 'stopping' });
    this.server = null;
    await server.stop(STOP_GRACE_MS);
    this.setStatus({ state: 'stopped', settings: null, url: null, error: null });
    return this.current;
  }

  private setStatus(status: ServerStatus): void {
    this.current = status;
    this.events.status(status);
  }
}

// The lab's one built-in server: start, stop, status and telemetry. A second start while one
// runs is refused; a crash is reported as a status with its error.
import { LabError, serverStartParamsSchema, type ServerStatus } from '../common/labApi.ts';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { startServer, type BuiltinServer } from '../server-core/server.ts';
import { localCertificate } from '../server-core/tlsCertificate.ts';
import type { z } from 'zod';
import { errorMessage } from '../common/errorMessage.ts';

type ServerStartInput = z.output<typeof serverStartParamsSchema>;

export interface ServerSlotEvents {
  status(status: ServerStatus): void;
  telemetry(sample: ServerTelemetrySample): void;
}

/** Grace period for requests in flight when the lab stops its server. */
const STOP_GRACE_MS = 2000;

/** The running server: its base URL, and with TLS the certificate file a client must trust. */
export interface RunningServer {
  url: string;
  caFile: string | null;
  server: BuiltinServer;
}

export class ServerSlot {
  private server: BuiltinServer | null = null;
  private current: ServerStatus = { state: 'stopped', settings: null, url: null, error: null };

  /** `tlsDir`: where the self-signed localhost certificate is kept (made on the first TLS start). */
  constructor(
    private readonly events: ServerSlotEvents,
    private readonly tlsDir: string,
  ) {}

  get status(): ServerStatus {
    return this.current;
  }

  /** The running server's base URL and settings, or null. */
  get running(): RunningServer | null {
    return this.server !== null && this.current.url !== null ? { url: this.current.url, caFile: this.current.certFile ?? null, server: this.server } : null;
  }

  async start(params: ServerStartInput): Promise<ServerStatus> {
    if (this.current.state !== 'stopped') {
      throw new LabError('busy', `the built-in server is ${this.current.state}${this.current.url ? ` at ${this.current.url}` : ''}; stop it first`);
    }
    const settings = { model: params.model, workers: params.workers, keepAlive: params.keepAlive, closeSilently: params.closeSilently, tls: params.tls };
    this.setStatus({ state: 'starting', settings, url: null, error: null });
    try {
      const certificate = params.tls ? await localCertificate(this.tlsDir) : null;
      const server = await startServer({
        model: params.model,
        workers: params.workers,
        keepAlive: params.keepAlive,
        closeSilently: params.closeSilently,
        host: '127.0.0.1',
        port: params.port,
        tls: certificate === null ? null : { certPem: certificate.certPem, keyPem: certificate.keyPem },
      });
      this.server = server;
      server.on('telemetry', (sample) => this.events.telemetry(sample));
      server.on('status', (status) => {
        if (this.server !== server) return;
        if (status.state === 'failed') {
          this.server = null;
          this.setStatus({ state: 'stopped', settings: null, url: null, error: `the server stopped: ${status.message}` });
        }
      });
      const scheme = certificate === null ? 'http' : 'https';
      this.setStatus({ state: 'running', settings, url: `${scheme}://127.0.0.1:${server.address.port}`, certFile: certificate?.certFile ?? null, error: null });
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

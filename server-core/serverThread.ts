// Entry of the server thread: the listener, node:http and the model live here, off the host's
// main thread. It tells the host when it listens, posts one telemetry sample per interval, and
// stops gracefully when asked: no new connections, in-flight requests answered within the grace
// period (each response closing its connection), idle connections closed, the rest cut off.
import type net from 'node:net';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ServerConfig } from './config.ts';
import { ConnectionGate } from './connectionGate.ts';
import { HttpFront } from './httpFront.ts';
import { errorMessage } from '../common/errorMessage.ts';
import type { HostToServer, ServerAddress, ServerToHost, StopReport } from './messages.ts';
import { createModel } from './models/create.ts';
import type { Model } from './models/model.ts';
import { TelemetryRecorder } from './telemetry.ts';

class ServerThread {
  private readonly telemetry: TelemetryRecorder;
  private readonly gate: ConnectionGate | null;
  private readonly front: HttpFront;
  private readonly model: Model;
  private timer: NodeJS.Timeout | null = null;
  private stopping: Promise<StopReport> | null = null;

  constructor(
    private readonly config: ServerConfig,
    private readonly post: (message: ServerToHost) => void,
  ) {
    this.telemetry = new TelemetryRecorder(config.model, config.tls !== null);
    let gate: ConnectionGate | null = null;
    this.model = createModel(config, () => gate?.waitingCount ?? 0);
    this.front = new HttpFront({
      config,
      model: this.model,
      telemetry: this.telemetry,
      countsConnections: config.model !== 'single',
      takeWaitStart: config.model === 'single' ? (socket) => gate?.takeWaitStart(socket) : undefined,
    });
    if (config.model === 'single') gate = new ConnectionGate(this.front.server, (socket) => this.telemetry.connectionAccepted(socket));
    this.gate = gate;
  }

  private get listener(): net.Server {
    return this.gate?.server ?? this.front.server;
  }

  async start(): Promise<ServerAddress> {
    await this.model.start();
    const address = await listen(this.listener, this.config.port, this.config.host);
    // Accept errors (EMFILE and the like) are transient: the server keeps going.
    this.listener.on('error', () => undefined);
    this.timer = setInterval(() => this.postSample(), this.config.intervalMs);
    return address;
  }

  stop(graceMs: number): Promise<StopReport> {
    this.stopping ??= this.drain(graceMs);
    return this.stopping;
  }

  /** After a failed start: ends the handler threads so the thread can exit. */
  async abort(): Promise<void> {
    this.telemetry.close();
    await this.model.close();
  }

  private async drain(graceMs: number): Promise<StopReport> {
    this.post({ type: 'stopping' });
    const inFlightAtStop = this.front.inFlight;
    const servedBefore = this.telemetry.requestsServed;
    if (this.gate === null) this.front.server.close();
    else this.gate.close();
    this.front.beginDrain();
    await this.front.whenIdle(graceMs);
    const abandoned = this.front.inFlight;
    this.front.destroyAll();
    await this.model.close();
    if (this.timer !== null) clearInterval(this.timer);
    this.postSample();
    this.telemetry.close();
    return { inFlightAtStop, drained: this.telemetry.requestsServed - servedBefore, abandoned, servedTotal: this.telemetry.requestsServed };
  }

  private postSample(): void {
    this.post({ type: 'telemetry', sample: this.telemetry.sample(this.model.gauges(), this.gate?.waitingCount ?? 0) });
  }
}

function listen(server: net.Server, port: number, host: string): Promise<ServerAddress> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(new Error(`cannot listen on ${host}:${port}: ${error.code ?? error.message}${error.code === 'EADDRINUSE' ? ' (the port is in use)' : ''}`));
    };
    server.once('error', onError);
    server.listen({ port, host }, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`cannot listen on ${host}:${port}: no TCP address`));
        return;
      }
      resolve({ host: address.address, port: address.port });
    });
  });
}

function requirePort(): MessagePort {
  if (parentPort === null) throw new Error('server-core/serverThread must run in a worker thread');
  return parentPort;
}

const port = requirePort();
const post = (message: ServerToHost): void => port.postMessage(message);
const thread = new ServerThread((workerData as { config: ServerConfig }).config, post);
port.on('message', (message: HostToServer) => {
  if (message.type === 'stop') void thread.stop(message.graceMs).then((report) => post({ type: 'stopped', report }));
});
try {
  post({ type: 'listening', address: await thread.start() });
} catch (error) {
  post({ type: 'fatal', message: errorMessage(error) });
  await thread.abort();
}

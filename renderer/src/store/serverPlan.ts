// The server panel's form against the server that runs: what Run has to do first.
import type { ServerStartParams, ServerStatus } from '../../../common/labApi.ts';
import type { ServerModel } from '../../../common/serverTelemetry.ts';
import type { ServerForm } from './state.ts';

export type ServerParams = Required<ServerStartParams>;

export function serverParams(form: ServerForm): { ok: true; params: ServerParams } | { ok: false; problem: string } {
  const workers = Number(form.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) return { ok: false, problem: 'Workers: a whole number from 1 to 256' };
  const portText = form.port.trim() === '' ? '0' : form.port.trim();
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return { ok: false, problem: 'Port: 0 (any free port) to 65535' };
  return { ok: true, params: { model: form.model, workers, port, keepAlive: form.keepAlive, closeSilently: form.closeSilently, tls: form.tls } };
}

/**
 * 'use' the running server, 'start' it, or 'restart' it because the panel asks for another model,
 * worker count, keep-alive, close-silently or TLS (a port of 0 matches any port).
 */
export function serverPlan(status: ServerStatus, params: ServerParams): 'use' | 'start' | 'restart' {
  if (status.state === 'stopped' || status.settings === null) return 'start';
  const { model, workers, keepAlive, closeSilently = false, tls = false } = status.settings;
  const sameModel = model === params.model && keepAlive === params.keepAlive && closeSilently === params.closeSilently && tls === params.tls && (workers === params.workers || !usesWorkers(model));
  const port = status.url === null ? null : Number(new URL(status.url).port);
  const samePort = params.port === 0 || port === params.port;
  return sameModel && samePort ? 'use' : 'restart';
}

/** Models whose worker count matters (the others run one handler, or one thread per request). */
export function usesWorkers(model: ServerModel): boolean {
  return model === 'pool-shared' || model === 'pool-per-worker';
}

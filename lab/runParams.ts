// From the lab's run parameters (what a UI sends) to the load generator's config, and a title
// that reads like the command line a person would have typed.
import type { z } from 'zod';
import type { runStartParamsSchema, ServerStatus } from '../common/labApi.ts';
import { formatDurationS } from '../common/format.ts';
import type { ServerInfo } from '../common/runRecord.ts';
import type { BenchConfig } from '../bench-runner/config.ts';
import { hostLimits, maxConnectionsFor, RESERVED_FILES, type HostLimits } from '../bench-runner/limits.ts';
import { LabError } from '../common/labApi.ts';

export type RunParams = z.output<typeof runStartParamsSchema>;

/** The running built-in server as a run sees it: base URL, and the certificate to trust when it serves TLS. */
export interface BuiltinTarget {
  url: string;
  caFile: string | null;
}

/**
 * The config for bench-runner; `builtin` is the running built-in server, if any. A run against the
 * built-in TLS server trusts its certificate (verification stays on); an https URL target is
 * verified against the system's roots unless the params ask for `insecure`.
 */
export function benchConfigFor(params: RunParams, builtin: BuiltinTarget | null, limits: HostLimits = hostLimits()): BenchConfig {
  let url: string;
  let tls: BenchConfig['tls'];
  if (params.target.kind === 'builtin') {
    if (builtin === null) throw new LabError('bad-params', 'the built-in server is not running: start it first, or give a URL');
    // The built-in server runs in this process: each connection is an open file on both ends.
    const maxConnections = maxConnectionsFor(limits.openFiles);
    if (params.mode !== 'conn-rate' && maxConnections !== null && params.connections * 2 > maxConnections) {
      throw new LabError(
        'bad-params',
        `connections: ${params.connections} to the built-in server need ${params.connections * 2} open files (it runs in this process, ` +
          `so each connection has both ends here), but this process may open ${limits.openFiles} (ulimit -n) and keeps ${RESERVED_FILES} ` +
          `for itself: at most ${Math.floor(maxConnections / 2)}, or raise the limit`,
      );
    }
    url = `${builtin.url}${params.target.path}`;
    if (builtin.caFile !== null) tls = { insecure: params.insecure, caFile: builtin.caFile, resume: true };
  } else {
    url = params.target.url;
  }
  if (params.insecure) {
    if (!/^https:/i.test(url)) throw new LabError('bad-params', `skipping certificate verification applies to https:// targets only, not to ${url}`);
    tls = { insecure: true, caFile: tls?.caFile ?? null, resume: true };
  }
  if (params.mode === 'rate' && params.ratePerSec === null) throw new LabError('bad-params', 'rate mode needs ratePerSec');
  if (params.mode === 'conn-rate' && params.connRate === null) throw new LabError('bad-params', 'connection-rate mode needs connRate');
  return {
    url,
    threads: params.threads,
    connections: params.connections,
    durationMs: params.durationMs,
    ratePerSec: params.mode === 'rate' ? params.ratePerSec : null,
    method: params.method.toUpperCase(),
    headers: params.headers,
    body: params.body === '' ? null : new TextEncoder().encode(params.body),
    timeoutMs: params.timeoutMs,
    keepAlive: params.keepAlive,
    intervalMs: 1000,
    connRate: params.mode === 'conn-rate' ? params.connRate : null,
    ...(tls === undefined ? {} : { tls }),
  };
}

export function serverInfoFor(params: RunParams, server: ServerStatus): ServerInfo {
  if (params.target.kind !== 'builtin' || server.settings === null) return { kind: 'unknown' };
  const { model, workers, keepAlive, closeSilently = false, tls = false } = server.settings;
  // tls only when on: records of plain servers keep the settings they always had.
  return { kind: 'builtin', model, settings: { workers, keepAlive, closeSilently, ...(tls ? { tls: true } : {}) } };
}

/** "event-loop · -t2 -c10 -d10s -R1000", "single, keep-alive off · -t12 …", "event-loop, TLS · …", "httperf --rate 10 --num-conns 1000 · http://…". */
export function defaultRunTitle(params: RunParams, server: ServerInfo): string {
  // The server's keep-alive is named when off, so runs that differ only by it do not share a title.
  const where =
    server.kind === 'builtin'
      ? `${server.model}${server.model.startsWith('pool') ? ` ×${String(server.settings.workers)}` : ''}${server.settings.keepAlive === false ? ', keep-alive off' : ''}${server.settings.tls === true ? ', TLS' : ''}`
      : params.target.kind === 'url'
        ? params.target.url
        : 'built-in';
  const duration = formatDurationS(params.durationMs / 1000);
  const keepAlive = `${params.keepAlive ? '' : ' --no-keep-alive'}${params.insecure ? ' --insecure' : ''}`;
  if (params.mode === 'conn-rate' && params.connRate !== null) {
    const spacing = params.connRate.spacing;
    const rate = spacing.kind === 'fixed' ? `--rate ${spacing.ratePerSec}` : spacing.kind === 'exponential' ? `--period e${spacing.meanMs / 1000}` : `--period u${spacing.minMs / 1000},${spacing.maxMs / 1000}`;
    return `${where} · httperf ${rate} --num-conns ${params.connRate.numConns} --num-calls ${params.connRate.numCalls}`;
  }
  const rate = params.mode === 'rate' && params.ratePerSec !== null ? ` -R${params.ratePerSec}` : '';
  return `${where} · -t${params.threads} -c${params.connections} -d${duration}${rate}${keepAlive}`;
}

// Is the server ready: a TCP connect to its port, an HTTP GET answering 2xx/3xx, or a line of its
// log matching a pattern. Polls until ready or aborted; never gives up by itself (the caller
// owns the timeout).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ReadySpec } from '../common/serverProfile.ts';
import type { LogBuffer } from './logTail.ts';

export const READY_POLL_MS = 100;

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function httpAnswers2xx3xx(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = url.startsWith('https:') ? https : http;
    const request = client.get(url, { timeout: 2000, headers: { 'user-agent': 'loadlab-ready-check' } }, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 400);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Resolves true once ready, false when aborted first. */
export async function waitReady(spec: ReadySpec | null, log: LogBuffer, signal: AbortSignal): Promise<boolean> {
  if (spec === null) return !signal.aborted;
  if (spec.kind === 'log') {
    const pattern = new RegExp(spec.pattern, spec.flags);
    if (log.lastLines(Number.MAX_SAFE_INTEGER).some((line) => pattern.test(line))) return true;
    return new Promise((resolve) => {
      const off = log.onLine((line) => {
        if (!pattern.test(line)) return;
        off();
        resolve(true);
      });
      signal.addEventListener('abort', () => {
        off();
        resolve(false);
      });
    });
  }
  while (!signal.aborted) {
    const ready = spec.kind === 'tcp' ? await tcpConnects(spec.host, spec.port) : await httpAnswers2xx3xx(spec.url);
    if (ready) return !signal.aborted;
    await sleep(READY_POLL_MS, signal);
  }
  return false;
}

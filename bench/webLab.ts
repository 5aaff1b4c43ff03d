// A `loadlab web` process pinned to a core, driven through the renderer's own WebSocket client
// of the lab API (over the `ws` package), for the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { LabEventName, LabEvents, LabMethod, LabParams, LabResults } from '../common/labApi.ts';
import type { OpenSocket } from '../renderer/src/api/socketTypes.ts';
import { createWsLabClient } from '../renderer/src/api/wsClient.ts';
import { onInterrupt } from './cleanup.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const loadlabBin = join(repoRoot, 'bin', 'loadlab.js');

export interface WebLab {
  /** The page address with its token. */
  url: string;
  call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabResults[M]>;
  next<E extends LabEventName>(event: E, timeoutMs: number): Promise<LabEvents[E]>;
  close(): Promise<void>;
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`loadlab web printed no address within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Loadlab is at (\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`loadlab web exited (${String(code)}) before listening:\n${output}`)));
  });
}

/** `ws` behind the renderer client's socket interface, sending the page's Origin as a browser would. */
function nodeSocket(origin: string): OpenSocket {
  return (socketUrl, handlers) => {
    const socket = new WebSocket(socketUrl, { origin });
    socket.on('open', () => handlers.onOpen());
    socket.on('message', (data: Buffer) => handlers.onMessage(data.toString('utf8')));
    socket.on('close', (code, reason) => handlers.onClose(code, reason.toString('utf8')));
    socket.on('error', () => undefined); // a close follows, which the client reports
    return { send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) };
  };
}

export async function startWebLab(cpu: string, journalDir: string): Promise<WebLab> {
  const child = spawn('taskset', ['-c', cpu, process.execPath, loadlabBin, 'web', '--no-open', '--port', '0', '--journal', journalDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const unregister = onInterrupt(() => {
    child.kill('SIGKILL');
  });
  const url = await waitForUrl(child, 60_000);
  const page = new URL(url);
  // The renderer's own WebSocket client, over the `ws` package (Node 20 has no WebSocket).
  const client = createWsLabClient({ url: `ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`, openSocket: nodeSocket(page.origin) });
  await client.ready;
  return {
    url,
    call: (method, params) => client.call(method, params),
    next(event, timeoutMs) {
      return new Promise((resolveEvent, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = client.on(event, (payload) => {
          clearTimeout(timer);
          off();
          resolveEvent(payload);
        });
      });
    },
    async close() {
      client.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill('SIGTERM');
        await exited;
      }
      unregister();
    },
  };
}

// A `loadlab web` process pinned to a core, and a small WebSocket client of its lab API (the
// same wire messages the renderer's client speaks) for driving runs from the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { LabEventName, LabEvents, LabMethod, LabParams, LabResults } from '../common/labApi.ts';
import type { HostToClient } from '../common/labWire.ts';
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

export async function startWebLab(cpu: string, journalDir: string): Promise<WebLab> {
  const child = spawn('taskset', ['-c', cpu, process.execPath, loadlabBin, 'web', '--no-open', '--port', '0', '--journal', journalDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const unregister = onInterrupt(() => {
    child.kill('SIGKILL');
  });
  const url = await waitForUrl(child, 60_000);
  const page = new URL(url);
  const socket = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`, { origin: page.origin });
  await new Promise<void>((resolveOpen, reject) => {
    socket.once('open', () => resolveOpen());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(message: HostToClient) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as HostToClient;
    if (message.type === 'result') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.result);
      else waiting?.reject(new Error(message.error.message));
    }
    for (const listener of listeners) listener(message);
  });
  return {
    url,
    call(method, params) {
      const id = nextId++;
      socket.send(JSON.stringify({ type: 'call', id, method, params }));
      return new Promise((resolveCall, reject) => pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject }));
    },
    next(event, timeoutMs) {
      return new Promise((resolveEvent, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (message: HostToClient): void => {
          if (message.type !== 'event' || message.event !== event) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolveEvent(message.payload as LabEvents[typeof event]);
        };
        listeners.add(listener);
      });
    },
    async close() {
      socket.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill('SIGTERM');
        await exited;
      }
      unregister();
    },
  };
}

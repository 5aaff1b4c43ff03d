// Watches /proc/net/tcp for established connections to a local port: the moment a generator's
// connections appear is the moment its run started (loadlab prints nothing until the end, and its
// start-up under tsx takes a variable fraction of a second).
import { readFile } from 'node:fs/promises';
import { sleep } from './stats.ts';

const ESTABLISHED = '01';

export async function establishedTo(port: number): Promise<number> {
  const text = await readFile('/proc/net/tcp', 'utf8');
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (local?.endsWith(`:${hexPort}`) && fields[3] === ESTABLISHED) count++;
  }
  return count;
}

/** Resolves with Date.now() when the first connection to the port is established; null after timeoutMs. */
export async function waitForConnection(port: number, timeoutMs: number, stillRunning: () => boolean): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillRunning()) {
    if ((await establishedTo(port)) > 0) return Date.now();
    await sleep(5);
  }
  return null;
}

// Issue 12.3, RFC 9112 §9.6: a client that half-closes (sends FIN after its requests) still gets
// the responses to everything it sent; then the server closes. Before the fix node:http closed
// its side at the FIN, so a handler that answered asynchronously had nowhere to write (16 of 20
// probes got nothing). Repeated to catch the race between the FIN and the answer.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverModels } from '../../common/serverTelemetry.ts';
import { parseResponses, withServer } from './clients.ts';

const ROUNDS = 20;

/** Writes `bytes` and half-closes at once; collects what comes back until the server closes. */
function halfClosedExchange(port: number, bytes: string): Promise<{ data: Buffer; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data: Buffer.concat(chunks), closedByServer });
    });
  });
}

describe.each(serverModels)('a half-closed client, %s', (model) => {
  it(`gets the answer to a request sent with FIN, ${ROUNDS} times, then the server closes`, async () => {
    await withServer({ model, workers: 2 }, async (_server, port) => {
      for (let round = 0; round < ROUNDS; round++) {
        const path = round % 2 === 0 ? '/sleep-async?ms=5' : '/';
        const { data, closedByServer } = await halfClosedExchange(port, `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`);
        expect(parseResponses(data).map((response) => response.status)).toEqual([200]);
        expect(closedByServer).toBe(true);
      }
    });
  });

  it('gets the answers to three pipelined requests sent with FIN, in order', async () => {
    await withServer({ model, workers: 2 }, async (_server, port) => {
      const requests = ['/sleep-async?ms=30', '/', '/bytes?n=3'].map((path) => `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`).join('');
      const { data, closedByServer } = await halfClosedExchange(port, requests);
      expect(parseResponses(data).map((response) => response.body)).toEqual(['waited 30 ms\n', 'hello\n', 'xxx']);
      expect(closedByServer).toBe(true);
    });
  });
});

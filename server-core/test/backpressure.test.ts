// Issue 12.1: a client that pipelines without reading costs the server a bounded amount. Per
// connection, at most `maxPipelinedResponses` jobs are with the model, no job is handed over while
// the unsent response bytes reach `maxUnsentResponseBytes`, and the connection is not read
// meanwhile, so what is parsed ahead is one socket read at most. Before the fix, 60 pipelined
// `/bytes?n=16777216` grew the process by 960 MB in every model and 200,000 pipelined `GET /`
// were all parsed and queued at once in the pool models.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverModels, type ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import { nextSample, request, withServer } from './clients.ts';

const MiB = 1024 * 1024;
const get = (path: string): string => `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`;

/** Opens a connection that writes `bytes` in one write and never reads; resolves once written. */
function floodWithoutReading(port: number, bytes: Buffer): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(bytes);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** Collects the samples of the next `count` intervals. */
async function samplesFor(server: Parameters<Parameters<typeof withServer>[1]>[0], count: number): Promise<ServerTelemetrySample[]> {
  const samples: ServerTelemetrySample[] = [];
  for (let i = 0; i < count; i++) samples.push(await nextSample(server, () => true));
  return samples;
}

describe.each(serverModels)('a connection that pipelines without reading, %s', (model) => {
  it('60 pipelined /bytes?n=4194304 (240 MiB asked for): the process grows by a few responses, not all of them', async () => {
    await withServer({ model, workers: 4, intervalMs: 200 }, async (server, port) => {
      const before = await nextSample(server, () => true);
      const socket = await floodWithoutReading(port, Buffer.from(get('/bytes?n=4194304').repeat(60)));
      try {
        const samples = await samplesFor(server, 10);
        const peakRss = Math.max(...samples.map((sample) => sample.process.rssBytes));
        // The limit is 1 MiB of unsent bytes; one 4 MiB job crosses it, and the socket buffers hold
        // a few MiB more. Without backpressure every job runs: 240 MiB.
        expect(peakRss - before.process.rssBytes).toBeLessThan(100 * MiB);
        const ran = samples.reduce((sum, sample) => sum + (sample.serviceUs?.count ?? 0), 0);
        expect(ran).toBeLessThan(10);
      } finally {
        socket.destroy();
      }
    });
  });

  it('100,000 pipelined GET /: the server stops reading; what it holds stays near one socket read', async () => {
    await withServer({ model, workers: 4, intervalMs: 200 }, async (server, port) => {
      const socket = await floodWithoutReading(port, Buffer.from(get('/').repeat(100_000)));
      try {
        const samples = await samplesFor(server, 8);
        const peakInFlight = Math.max(...samples.map((sample) => sample.requests.inFlight));
        // One 64 KiB read holds about 2,500 of these requests; before the fix all 100,000 were queued.
        expect(peakInFlight).toBeLessThan(5000);
        // Another client is still served (single serves one connection at a time by design).
        if (model !== 'single') expect((await request(port, '/')).status).toBe(200);
      } finally {
        socket.destroy();
      }
    });
  });
});

describe('reading resumes when the client reads', () => {
  it('200 pipelined requests with a limit of 4 outstanding are all answered, in order', async () => {
    await withServer({ model: 'pool-shared', workers: 2, limits: { maxPipelinedResponses: 4 } }, async (_server, port) => {
      const paths = Array.from({ length: 200 }, (_, i) => `/bytes?n=${(i % 7) + 1}`);
      const data = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(paths.map(get).join('')));
        let text = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      const bodies = data.split('\r\n\r\n').slice(1).map((part) => /^x*/.exec(part)?.[0].length);
      expect(bodies).toEqual(paths.map((_, i) => (i % 7) + 1));
    });
  });
});

// Issue 12.2: jobs whose connection is gone are dropped before they start, and counted as
// abandoned. 20 pipelined `/sleep?ms=300`, then the client closes: at most the jobs already
// running (and, on the server thread, the one started before the close was seen) run; the rest
// are dropped. Before the fix every job ran, and a new client waited for all of them.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverModels, type ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import { nextSample, request, withServer } from './clients.ts';

const PIPELINED = 20;
const LIMIT = 4;

describe.each(serverModels)('a client that leaves with pipelined sleeps waiting, %s', (model) => {
  it(`drops the jobs not started when it left (${PIPELINED} sent, at most ${LIMIT} with the model)`, async () => {
    await withServer({ model, workers: 4, intervalMs: 100, limits: { maxPipelinedResponses: LIMIT } }, async (server, port) => {
      const samples: ServerTelemetrySample[] = [];
      server.on('telemetry', (sample) => samples.push(sample));
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write('GET /sleep?ms=300 HTTP/1.1\r\nHost: t\r\n\r\n'.repeat(PIPELINED), () => {
            socket.destroy();
            resolve();
          });
        });
        socket.on('error', reject);
      });
      // A new client is served once what did run is over.
      expect((await request(port, '/')).status).toBe(200);
      await nextSample(server, (sample) => sample.requests.inFlight === 0 && sample.handlers.busy === 0, 20_000);
      // One interval more: a job dropped as the last one finished is counted in the sample after it.
      const last = await nextSample(server, () => true, 5_000);
      const abandoned = samples.reduce((sum, sample) => sum + (sample.requests.abandoned ?? 0), 0);
      const ran = samples.reduce((sum, sample) => sum + (sample.serviceUs?.count ?? 0), 0) - 1;
      expect(last.requests.abandonedTotal).toBe(abandoned);
      expect(abandoned + ran).toBe(PIPELINED);
      // The jobs with the model when it left, and at most one more started before its close was seen.
      expect(ran).toBeLessThanOrEqual(LIMIT + 1);
    });
  });
});

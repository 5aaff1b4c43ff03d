// The bad-input corpus (fixtures/badInput.json) over raw sockets: every malformed or smuggling
// shape gets its RFC 9112 answer and a closed connection, the server never falls over, and a
// well-formed request still works after all of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextSample, parseResponses, rawExchange, request, withServer } from './clients.ts';

interface Case {
  name: string;
  raw: string;
  statuses: number[];
  closes: boolean;
}

const corpus = JSON.parse(readFileSync(new URL('./fixtures/badInput.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Expands {{c*N}} into N copies of c. */
function expand(raw: string): Buffer {
  return Buffer.from(
    raw.replace(/\{\{(.)\*(\d+)\}\}/g, (_match, char: string, count: string) => char.repeat(Number(count))),
    'latin1',
  );
}

/** How long a connection that should stay open is watched. */
const OPEN_WATCH_MS = 1000;

describe.each(['event-loop', 'pool-shared'] as const)('the bad-input corpus against %s', (model) => {
  it(`gives the expected answer to all ${corpus.cases.length} cases`, async () => {
    await withServer({ model, workers: 2, intervalMs: 100, limits: { maxBodyBytes: 1024 } }, async (server, port) => {
      let rejected = 0;
      server.on('telemetry', (sample) => (rejected += sample.requests.rejected));
      const results = await Promise.all(
        corpus.cases.map(async (testCase) => {
          const { data, closedByServer } = await rawExchange(port, expand(testCase.raw), OPEN_WATCH_MS);
          const responses = parseResponses(data);
          return { name: testCase.name, statuses: responses.map((response) => response.status), closes: closedByServer };
        }),
      );
      expect(results).toEqual(corpus.cases.map(({ name, statuses, closes }) => ({ name, statuses, closes })));

      // Still serving, and telemetry counted the refusals of the parser-level cases.
      expect((await request(port, '/')).status).toBe(200);
      await nextSample(server, (sample) => sample.requests.inFlight === 0);
      expect(rejected).toBeGreaterThan(40);
    });
  });
});

// Handler threads start from the built JavaScript entry (out/main/handlerThread.js, brought up to
// date by vitest's global setup), which is enough on its own to start a handler thread.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlerThreadEntry } from './handlerEntry.ts';
import type { HandlerToServer, ServerToHandler } from './jobs.ts';

describe('the handler thread entry', () => {
  it('is the built out/main/handlerThread.js of this checkout', async () => {
    const entry = await handlerThreadEntry();
    expect(fileURLToPath(entry)).toBe(fileURLToPath(new URL('../out/main/handlerThread.js', import.meta.url)));
  });

  it('starts a handler thread on its own, which answers a job', async () => {
    const worker = new Worker(await handlerThreadEntry());
    const job: ServerToHandler = { type: 'job', job: { id: 7, workload: { kind: 'hello' }, body: new Uint8Array(0) } };
    try {
      const messages: HandlerToServer[] = [];
      const done = new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (message: HandlerToServer) => {
          messages.push(message);
          if (message.type === 'ready') worker.postMessage(job);
          else resolve();
        });
      });
      await done;
      expect(messages[0]).toEqual({ type: 'ready' });
      const answer = messages[1];
      expect(answer?.type === 'done' && answer.id === 7 && answer.response.status === 200).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});

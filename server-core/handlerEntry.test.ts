// The handler thread's entry is one plain-JavaScript bundle, named by its content, reused while
// the sources are unchanged, and enough on its own to start a handler thread (no tsx).
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleThreadEntry } from '../threads/threadEntry.ts';
import type { HandlerToServer, ServerToHandler } from './jobs.ts';

describe('the handler thread bundle', () => {
  let root = '';
  let cacheDir = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'loadlab-handler-test-'));
    cacheDir = join(root, 'cache');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const bundleHandlerThread = () => bundleThreadEntry(new URL('./handlerThread.ts', import.meta.url), 'handler', cacheDir);

  it('writes one ESM file named by its content hash, without tsx, and reuses it on the next call', async () => {
    const first = await bundleHandlerThread();
    expect(first.written).toBe(true);
    const code = await readFile(first.path);
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    expect(basename(first.path)).toBe(`loadlab-handler-${hash}.mjs`);
    expect(code.toString()).not.toMatch(/tsx|\.ts['"]/);

    const second = await bundleHandlerThread();
    expect(second).toEqual({ path: first.path, written: false });
  });

  it('writes the file again when what is there differs (e.g. cut short)', async () => {
    const { path } = await bundleHandlerThread();
    const code = await readFile(path);
    await writeFile(path, code.subarray(0, 10));
    expect(await bundleHandlerThread()).toEqual({ path, written: true });
    expect((await readFile(path)).equals(code)).toBe(true);
  });

  it.skipIf(process.getuid === undefined)('refuses a cache folder that others may write to', async () => {
    await bundleHandlerThread();
    await chmod(cacheDir, 0o777);
    await expect(bundleHandlerThread()).rejects.toThrow(/not a folder private to this user/);
  });

  it('starts a handler thread on its own, which answers a job', async () => {
    const { path } = await bundleHandlerThread();
    const worker = new Worker(path);
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

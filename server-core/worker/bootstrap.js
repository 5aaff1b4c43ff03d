// Thread bootstrap for the server thread: loads the entry named in workerData. When running
// from TypeScript sources (tests, `npx loadlab`), it first registers tsx in this thread, because
// loader hooks of the parent are not inherited by worker threads on Node 20. That costs about
// 350 ms of CPU per thread, so handler threads never come through here (see handlerEntry.ts).
// (The same small file as bench-runner's; parts may not import each other.)
import { workerData } from 'node:worker_threads';

const entry = String(workerData.entry);
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);

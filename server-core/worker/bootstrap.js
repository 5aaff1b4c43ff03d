// Thread bootstrap for the server thread and the handler threads: loads the entry named in
// workerData. When running from TypeScript sources (tests, `npx loadlab`), it first registers
// tsx in this thread, because loader hooks of the parent are not inherited by worker threads on
// Node 20. (The same small file as bench-runner's; parts may not import each other.)
import { workerData } from 'node:worker_threads';

const entry = String(workerData.entry);
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);

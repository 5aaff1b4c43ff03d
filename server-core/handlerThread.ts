// Entry of a handler thread: takes one job at a time from the server thread, runs its workload,
// and posts the response with the service time measured here. A workload that throws gives 500;
// the fault routes may end this thread, which the server thread notices and answers 503.
import { performance } from 'node:perf_hooks';
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { HandledResponse, HandlerToServer, Job, ServerToHandler } from './jobs.ts';
import { runWorkload, type ThreadFaults, type WorkloadResponse } from './workloads.ts';
import { errorMessage } from '../common/errorMessage.ts';

function requirePort(): MessagePort {
  if (parentPort === null) throw new Error('server-core/handlerThread must run in a worker thread');
  return parentPort;
}
const port = requirePort();

const faults: ThreadFaults = {
  exit: () => process.exit(1),
  crashSoon: () => {
    setTimeout(() => {
      throw new Error('fault route: uncaught error in the handler thread');
    }, 0);
  },
};

async function handle(job: Job): Promise<void> {
  const startMs = performance.now();
  let response: HandledResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const result: WorkloadResponse = await runWorkload(job.workload, job.body, faults);
    response = { status: result.status, contentType: result.contentType, body: result.body };
    if (result.ownsBuffer && result.body.buffer instanceof ArrayBuffer) transfer = [result.body.buffer];
  } catch (error) {
    const message = errorMessage(error);
    response = { status: 500, contentType: 'text/plain; charset=utf-8', body: Buffer.from(`handler error: ${message}\n`) };
  }
  const done: HandlerToServer = { type: 'done', id: job.id, response, serviceUs: (performance.now() - startMs) * 1000 };
  port.postMessage(done, transfer);
}

port.on('message', (message: ServerToHandler) => {
  void handle(message.job);
});
const ready: HandlerToServer = { type: 'ready' };
port.postMessage(ready);

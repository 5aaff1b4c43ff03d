// Entry of a load worker thread: waits for its job, runs it, stops when asked.
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from '../messages.ts';
import { ConnRateWorker } from './connRateWorker.ts';
import { LoadWorker } from './loadWorker.ts';
import { errorMessage } from '../../common/errorMessage.ts';

const port = parentPort;
if (port === null) throw new Error('bench-runner/worker/main must run in a worker thread');

let worker: LoadWorker | ConnRateWorker | null = null;
const post = (message: WorkerToHost): void => port.postMessage(message);

port.on('message', (message: HostToWorker) => {
  try {
    if (message.type === 'start') {
      worker =
        message.job.mode === 'conn-rate'
          ? new ConnRateWorker(message.job, message.startEpochMs, post)
          : new LoadWorker(message.job, message.startEpochMs, post);
      worker.start();
    } else {
      worker?.stop();
    }
  } catch (error) {
    post({ type: 'fatal', message: errorMessage(error) });
  }
});
post({ type: 'ready' });

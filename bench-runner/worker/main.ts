// Entry of a load worker thread: waits for its jobs (the run's threads it carries, messages.ts),
// runs each on its own, stops them all when asked.
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from '../messages.ts';
import { ConnRateWorker } from './connRateWorker.ts';
import { LoadWorker } from './loadWorker.ts';
import { errorMessage } from '../../common/errorMessage.ts';

const port = parentPort;
if (port === null) throw new Error('bench-runner/worker/main must run in a worker thread');

const runs: Array<LoadWorker | ConnRateWorker> = [];
const post = (message: WorkerToHost): void => port.postMessage(message);

port.on('message', (message: HostToWorker) => {
  try {
    if (message.type === 'start') {
      for (const job of message.jobs) {
        runs.push(job.mode === 'conn-rate' ? new ConnRateWorker(job, message.startEpochMs, post) : new LoadWorker(job, message.startEpochMs, post));
      }
      for (const run of runs) run.start();
    } else {
      for (const run of runs) run.stop();
    }
  } catch (error) {
    post({ type: 'fatal', message: errorMessage(error) });
  }
});
post({ type: 'ready' });

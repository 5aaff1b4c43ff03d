// Running a job on the server thread itself (`event-loop`, `single`): no queue between the
// parser and the handler, so the wait is only what the model adds in front. This is the hot path
// of `event-loop`: no closures on the synchronous path.
import { performance } from 'node:perf_hooks';
import { errorMessage } from '../../common/errorMessage.ts';
import { failureOutcome, type Job, type JobOutcome } from '../jobs.ts';
import { runWorkload, type WorkloadResponse } from '../workloads.ts';
import { msToUs, type BusyGauge } from './model.ts';

export const SERVER_THREAD = 'server-thread';

export function runOnServerThread(job: Job, arrivedAtMs: number, busy: BusyGauge): JobOutcome | Promise<JobOutcome> {
  const startMs = performance.now();
  busy.begin();
  let result: WorkloadResponse | Promise<WorkloadResponse>;
  try {
    result = runWorkload(job.workload, job.body, null);
  } catch (error) {
    busy.end();
    return failed(error, arrivedAtMs, startMs);
  }
  if (result instanceof Promise) {
    return result.then(
      (response) => {
        busy.end();
        return finished(response, arrivedAtMs, startMs);
      },
      (error: unknown) => {
        busy.end();
        return failed(error, arrivedAtMs, startMs);
      },
    );
  }
  busy.end();
  return finished(result, arrivedAtMs, startMs);
}

function finished(response: WorkloadResponse, arrivedAtMs: number, startMs: number): JobOutcome {
  return {
    status: response.status,
    contentType: response.contentType,
    body: response.body,
    timing: { queueWaitUs: msToUs(startMs - arrivedAtMs), serviceUs: msToUs(performance.now() - startMs) },
    handler: SERVER_THREAD,
  };
}

function failed(error: unknown, arrivedAtMs: number, startMs: number): JobOutcome {
  return {
    ...failureOutcome(500, `handler error: ${errorMessage(error)}`, SERVER_THREAD),
    timing: { queueWaitUs: msToUs(startMs - arrivedAtMs), serviceUs: msToUs(performance.now() - startMs) },
  };
}

// What `kube collect` reads from the cluster, checked: the Job's shard count, each completion
// index's pod and how it ended, and the run record in a pod's log. Pure functions of kubectl's
// JSON and log text.
import { z } from 'zod';
import { RUN_SCHEMA, runRecordSchema, type RunRecord } from '../common/runRecord.ts';
import { describeZodIssues } from '../common/zodIssues.ts';
import { COMPLETION_INDEX_KEY } from './kubeJob.ts';

/** The part of `kubectl get job NAME -o json` read here. */
export const jobSchema = z.object({
  metadata: z.object({ name: z.string() }),
  spec: z.object({ completions: z.number().int().positive().nullish(), completionMode: z.string().nullish() }),
});
export type KubeJob = z.infer<typeof jobSchema>;

const stateSchema = z.object({
  terminated: z.object({ exitCode: z.number().int(), reason: z.string().nullish(), message: z.string().nullish() }).nullish(),
  waiting: z.object({ reason: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/** The part of `kubectl get pods -o json` read here. */
export const podListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string(), annotations: z.record(z.string(), z.string()).nullish(), creationTimestamp: z.string().nullish() }),
      spec: z.object({ nodeName: z.string().nullish() }).nullish(),
      status: z
        .object({
          phase: z.string().nullish(),
          reason: z.string().nullish(),
          message: z.string().nullish(),
          containerStatuses: z.array(z.object({ name: z.string(), state: stateSchema.nullish() })).nullish(),
        })
        .nullish(),
    }),
  ),
});
export type KubePod = z.infer<typeof podListSchema>['items'][number];

/** kubectl's JSON output checked against `schema`; a mismatch names the fields. */
export function parseKubectlJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`kubectl's ${what} is not JSON`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`kubectl's ${what} is not what Kubernetes gives: ${describeZodIssues(result.error, { limit: 5 }).join('; ')}`);
  return result.data;
}

/** A pod that ran a shard to its end (phase Succeeded). */
export interface FinishedShard {
  index: number;
  pod: string;
  node: string | null;
}

export interface ShardPods {
  count: number;
  finished: FinishedShard[];
  /** One line per completion index without a finished pod: which, and why. */
  problems: string[];
}

function indexOf(pod: KubePod): number | null {
  const text = pod.metadata.annotations?.[COMPLETION_INDEX_KEY];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The line of a termination message that says why: a failed shard's message is the tail of its
 * log (terminationMessagePolicy FallbackToLogsOnError), where loadlab's and commander's errors
 * start with "loadlab:" and "error:"; otherwise its last line.
 */
function messageLine(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.findLast((line) => /^(loadlab|error):/.test(line)) ?? lines.at(-1) ?? '';
}

/** How a pod that did not succeed stands: phase, exit code, reason, its last message line. */
export function describePodState(pod: KubePod): string {
  const status = pod.status;
  const parts = [status?.phase ?? 'phase unknown'];
  const container = status?.containerStatuses?.[0]?.state;
  const terminated = container?.terminated;
  const waiting = container?.waiting;
  if (terminated !== null && terminated !== undefined) parts.push(`exit code ${terminated.exitCode}${terminated.reason ? ` (${terminated.reason})` : ''}`);
  else if (waiting?.reason) parts.push(waiting.reason);
  else if (status?.reason) parts.push(status.reason);
  const message = messageLine(terminated?.message ?? waiting?.message ?? status?.message ?? '');
  if (message !== '') parts.push(message);
  if (status?.phase === 'Pending' || status?.phase === 'Running') parts.push('not finished yet');
  return parts.join(', ');
}

/**
 * The Job's pods by completion index: 0…count−1 each needs a Succeeded pod. A Job made by
 * `kube job` has one pod per index (backoffLimit 0); should there be more, a Succeeded one counts.
 */
export function shardPods(job: KubeJob, pods: readonly KubePod[]): ShardPods {
  if (job.spec.completionMode !== 'Indexed') throw new Error(`job ${job.metadata.name} is not an Indexed Job (completionMode ${job.spec.completionMode ?? 'NonIndexed'}): it was not made by loadlab kube job`);
  const count = job.spec.completions;
  if (count === null || count === undefined) throw new Error(`job ${job.metadata.name} has no completions count`);
  const finished: FinishedShard[] = [];
  const problems: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const mine = pods.filter((pod) => indexOf(pod) === index);
    const succeeded = mine.find((pod) => pod.status?.phase === 'Succeeded');
    if (succeeded !== undefined) {
      finished.push({ index, pod: succeeded.metadata.name, node: succeeded.spec?.nodeName ?? null });
      continue;
    }
    const latest = mine.toSorted((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '')).at(-1);
    problems.push(latest === undefined ? `shard ${index}/${count}: no pod (deleted, or never created: kubectl describe job ${job.metadata.name})` : `shard ${index}/${count} (pod ${latest.metadata.name}): ${describePodState(latest)}`);
  }
  return { count, finished, problems };
}

/**
 * The run record in a pod's log: the last line holding a JSON object of schema loadlab.run/1
 * (`bench --json -` writes it as one line; the report and messages around it are other lines).
 * Returns the problem as text when there is none or it does not validate.
 */
export function recordFromLog(log: string): RunRecord | string {
  const lines = log.split('\n').filter((line) => line.startsWith('{'));
  for (const line of lines.reverse()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null || (value as { schema?: unknown }).schema !== RUN_SCHEMA) continue;
    const result = runRecordSchema.safeParse(value);
    if (!result.success) return `its run record is not valid: ${describeZodIssues(result.error, { limit: 5 }).join('; ')}`;
    return result.data;
  }
  return 'its log holds no run record (a line of loadlab.run/1 JSON, as bench --json - writes)';
}

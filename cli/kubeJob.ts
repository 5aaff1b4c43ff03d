// The Kubernetes Job of `loadlab kube job`: N shards of one bench load shape as an Indexed Job,
// every pod starting its schedule on the same wall-clock instant. A pure function of its options.
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { Document, isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';

/**
 * Set by the Job controller on each pod of an Indexed Job (the annotation since Kubernetes 1.21,
 * also a label since 1.28); the env var below is read from it.
 */
export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';
export const INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** Kubernetes' recommended labels; `instance` is the Job's name and finds its pods. */
export function shardLabels(jobName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'loadlab', 'app.kubernetes.io/component': 'load-shard', 'app.kubernetes.io/instance': jobName };
}

export interface ShardJobOptions {
  name: string;
  /** null: the namespace kubectl is pointed at. */
  namespace: string | null;
  image: string;
  shards: number;
  /** Kubernetes quantities ("2", "500m"; "1Gi"), requested and limited alike. */
  cpu: string;
  memory: string;
  /** The instant every shard's schedule starts, as `--start-at` takes it (ISO 8601). */
  startAt: string;
  /** The user's bench arguments (the URL among them), as given. */
  benchArgs: readonly string[];
  /** How long the whole Job may take, from its creation. */
  activeDeadlineS: number;
}

/** The command line (after `loadlab`) that shard `index` runs: the record to stdout, one line. */
export function shardBenchArgs(index: string, shards: number, startAt: string, benchArgs: readonly string[]): string[] {
  return ['bench', '--shard', `${index}/${shards}`, '--start-at', startAt, '--json', '-', ...benchArgs];
}

/**
 * Kubernetes expands `$(NAME)` in a container's args from its env; `$$(` stands for a literal
 * `$(`. The user's arguments are escaped so that a header or body holding `$(…)` reaches bench as
 * written; only the index placeholder that this file writes is expanded.
 */
export function escapeKubeArg(arg: string): string {
  return arg.replaceAll('$(', '$$$$(');
}

export function shardJob(options: ShardJobOptions): IJob {
  const labels = shardLabels(options.name);
  const resources = { cpu: options.cpu, memory: options.memory };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: options.name, ...(options.namespace === null ? {} : { namespace: options.namespace }), labels },
    spec: {
      completionMode: 'Indexed',
      completions: options.shards,
      parallelism: options.shards,
      // No retry: a shard started again would begin after the shared instant, so its schedule
      // would no longer line up with the others' and the merged run would not be the one load
      // shape. A failed shard stays failed; `kube collect` names it (and merges the rest only
      // with --partial).
      backoffLimit: 0,
      // A shard that has not run by then (no node for it, say) can no longer line up with the
      // others: the Job fails and frees the cluster instead of waiting for ever. No
      // ttlSecondsAfterFinished: the finished pods hold the records until `kube collect` reads them.
      activeDeadlineSeconds: options.activeDeadlineS,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'loadlab',
              image: options.image,
              command: ['loadlab'],
              args: shardBenchArgs(`$(${INDEX_ENV})`, options.shards, options.startAt, options.benchArgs.map(escapeKubeArg)),
              // The controller adds this variable itself since Kubernetes 1.22; set here from the same
              // annotation, it is there for `$(…)` expansion whatever the version, with the same value.
              env: [{ name: INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } }],
              // Requests equal to limits: the Guaranteed class, the last evicted, and whole cores
              // of its own under the static CPU manager. A shard whose threads need more CPU than
              // its limit is throttled, and its latencies show it.
              resources: { requests: resources, limits: resources },
              // A failed shard's last log lines become its termination message, which `kube collect` shows.
              terminationMessagePolicy: 'FallbackToLogsOnError',
              // The "restricted" Pod Security Standard, so the Job runs in namespaces that enforce
              // it. runAsNonRoot needs an image whose USER is numeric (kube/Dockerfile: 1000).
              securityContext: {
                runAsNonRoot: true,
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          affinity: {
            podAntiAffinity: {
              // Preferred, not required: shards spread over the nodes there are, and a cluster
              // with fewer nodes than shards still runs them all.
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
        },
      },
    },
  };
}

/** The Job as YAML for `kubectl apply -f -`, with `header` as its leading comment. */
export function jobYaml(job: IJob, header: readonly string[]): string {
  // YAML 1.1 quoting, as kubectl reads YAML 1.1: a bench argument such as `on`, `yes` or the
  // start instant is quoted so it stays a string. No anchors and aliases for the repeated labels.
  const doc = new Document(job, { version: '1.1', aliasDuplicateObjects: false });
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  const spec = doc.get('spec');
  if (isMap(spec)) commentKey(spec, 'backoffLimit', ' no retry: a retried shard would start after the shared instant');
  return doc.toString({ lineWidth: 0 });
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (pair !== undefined && isScalar(pair.key)) (pair.key as Scalar).commentBefore = comment;
}

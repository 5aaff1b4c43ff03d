// The Job of `kube job`, checked against the Kubernetes batch/v1 Job schema (kubernetes-models,
// generated from Kubernetes' OpenAPI) and for what makes the shards one load.
import { Job } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeKubeArg, jobYaml, shardJob, type ShardJobOptions } from './kubeJob.ts';
import { expandLikeKubernetes } from './testing/kubernetesExpansion.ts';

const options: ShardJobOptions = {
  name: 'loadlab-20261207-014500',
  namespace: 'load',
  image: 'registry.example.com/loadlab:0.1.0',
  shards: 3,
  cpu: '2',
  memory: '1Gi',
  startAt: '2026-12-07T01:46:00.000Z',
  benchArgs: ['-t2', '-c30', '-d30s', '-R3000', '-H', 'X-Trace: $(not-a-var)', 'http://web.load.svc:8080/'],
  activeDeadlineS: 692,
};

describe('kube job: the Job', () => {
  const job = shardJob(options);

  it('validates against the batch/v1 Job schema', () => {
    expect(() => new Job(job).validate()).not.toThrow();
  });

  it('the schema check is a real one: a bad quantity or a string count is refused', () => {
    expect(() => new Job(shardJob({ ...options, cpu: 'two' })).validate()).toThrow(/quantity/);
    expect(() => new Job({ ...job, spec: { ...job.spec, completions: '3' as unknown as number, template: job.spec?.template ?? {} } }).validate()).toThrow(/completions/);
  });

  it('is Indexed with N completions run all at once, never retried, pods never restarted', () => {
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3, backoffLimit: 0 });
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(job.spec?.ttlSecondsAfterFinished).toBeUndefined();
    expect(job.metadata).toMatchObject({ name: options.name, namespace: 'load' });
    expect(shardJob({ ...options, namespace: null }).metadata).not.toHaveProperty('namespace');
  });

  it('meets the restricted Pod Security Standard', () => {
    expect(job.spec?.template.spec?.containers[0]?.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('requests and limits the same CPU and memory', () => {
    const resources = job.spec?.template.spec?.containers[0]?.resources;
    expect(resources).toEqual({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
  });

  it('spreads the pods over nodes by a preferred anti-affinity on labels the pods carry', () => {
    const pod = job.spec?.template;
    const terms = pod?.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    expect(terms).toHaveLength(1);
    expect(terms[0]?.podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(pod?.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    const selector = terms[0]?.podAffinityTerm.labelSelector?.matchLabels ?? {};
    expect(selector['app.kubernetes.io/instance']).toBe(options.name);
    for (const [key, value] of Object.entries(selector)) expect(pod?.metadata?.labels?.[key]).toBe(value);
  });

  it('pod i runs bench --shard i/N --start-at T --json - and the user\'s arguments as written', () => {
    const container = job.spec?.template.spec?.containers[0];
    expect(container?.command).toEqual(['loadlab']);
    const env = container?.env?.find((variable) => variable.name === 'JOB_COMPLETION_INDEX');
    expect(env?.valueFrom?.fieldRef?.fieldPath).toBe("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    for (const index of [0, 1, 2]) {
      const args = (container?.args ?? []).map((arg) => expandLikeKubernetes(arg, { JOB_COMPLETION_INDEX: String(index) }));
      expect(args).toEqual(['bench', '--shard', `${index}/3`, '--start-at', options.startAt, '--json', '-', ...options.benchArgs]);
    }
  });

  it('escapes $( in the user\'s arguments only', () => {
    expect(escapeKubeArg('X: $(HOME) and $$(x)')).toBe('X: $$(HOME) and $$$(x)');
    expect(expandLikeKubernetes(escapeKubeArg('X: $(HOME)'), { HOME: '/root' })).toBe('X: $(HOME)');
  });

  it('prints as YAML that reads back to the same Job under YAML 1.1 (kubectl\'s) and 1.2, with its comments', () => {
    // Strings YAML 1.1 would read as other types (a timestamp, yes, on) must come out quoted.
    const tricky = shardJob({ ...options, benchArgs: ['-H', 'X: yes', '--body', 'on', ...options.benchArgs] });
    const text = jobYaml(tricky, ['first line', 'second line']);
    expect(parse(text, { version: '1.1' })).toEqual(tricky);
    expect(text).not.toMatch(/&a\d|\*a\d/);
    expect(text.startsWith('# first line\n# second line\n')).toBe(true);
    expect(text).toMatch(/# no retry: .*\n\s+backoffLimit: 0\n/);
    const read: unknown = parse(text);
    expect(read).toEqual(tricky);
    expect(() => new Job(read as ConstructorParameters<typeof Job>[0]).validate()).not.toThrow();
  });
});

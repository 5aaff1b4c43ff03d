// `loadlab kube job` as a person runs it: the printed Job validates against the batch/v1 schema
// and every pod's command line is one bench takes; bad bench arguments are refused before printing.
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { defaultJobName } from './kube.ts';

const URL = 'http://web.load.svc:8080/';

describe('loadlab kube job', () => {
  it('prints a valid Indexed Job whose pods start on one instant about --start-in from now', async () => {
    const beforeMs = Date.now();
    const result = await runLoadlab(['kube', 'job', '--shards', '3', '--image', 'registry.example.com/loadlab:0.1.0', '--namespace', 'load', '--name', 'web-load', '--start-in', '90s', '--', '-t2', '-c30', '-d20s', '-R3000', URL]);
    const afterMs = Date.now();
    expect(result.status, result.stderr).toBe(0);
    const job = parse(result.stdout, { version: '1.1' }) as IJob;
    expect(() => new Job(job).validate()).not.toThrow();
    expect(job.metadata).toMatchObject({ name: 'web-load', namespace: 'load' });
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3, backoffLimit: 0 });
    const container = job.spec?.template.spec?.containers[0];
    // -t2: two cores per pod unless --cpu says otherwise.
    expect(container?.resources).toEqual({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
    const args = container?.args ?? [];
    expect(args.slice(0, 3)).toEqual(['bench', '--shard', '$(JOB_COMPLETION_INDEX)/3']);
    expect(args.slice(5)).toEqual(['--json', '-', '-t2', '-c30', '-d20s', '-R3000', URL]);
    // Rounded up to the whole second after now + 90 s (the two clock reads bound "now").
    const startAtMs = Date.parse(args[4] ?? '');
    expect(startAtMs).toBeGreaterThanOrEqual(beforeMs + 90_000);
    expect(startAtMs).toBeLessThanOrEqual(afterMs + 91_000);
    expect(startAtMs % 1000).toBe(0);
    // Start-in + duration + timeout + the 600 s margin.
    expect(job.spec?.activeDeadlineSeconds).toBeGreaterThanOrEqual(90 + 20 + 2 + 600);
    expect(job.spec?.activeDeadlineSeconds).toBeLessThanOrEqual(91 + 20 + 2 + 600 + 1);
    expect(result.stdout).toMatch(/^# loadlab kube job: 3 shards/);
    expect(result.stdout).toContain('loadlab kube collect web-load --namespace load --save');
    expect(result.stderr).toMatch(/job web-load: 3 shards start at \S+ \(in 9\d s\)/);
  });

  it('--cpu, --memory and the default name (loadlab-DATE-TIME)', async () => {
    const result = await runLoadlab(['kube', 'job', '--shards', '2', '--image', 'loadlab:dev', '--cpu', '1500m', '--memory', '512Mi', '--', '-c4', '-d5s', URL]);
    expect(result.status, result.stderr).toBe(0);
    const job = parse(result.stdout, { version: '1.1' }) as IJob;
    expect(() => new Job(job).validate()).not.toThrow();
    expect(job.metadata?.name).toMatch(/^loadlab-\d{8}-\d{6}$/);
    expect(job.metadata).not.toHaveProperty('namespace');
    expect(job.spec?.template.spec?.containers[0]?.resources?.limits).toEqual({ cpu: '1500m', memory: '512Mi' });
    expect(defaultJobName(Date.parse('2026-12-07T01:45:02.500Z'))).toBe('loadlab-20261207-014502');
  });

  it('refuses what kube job sets itself or a pod cannot do, and bad bench arguments, printing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--shard', '0/2', URL], /bench argument --shard: kube job gives each pod its shard/],
      [['--start-at', '1796607000000', URL], /--start-at: kube job sets the shared start/],
      [['--start-at=2020-01-01T00:00:00Z', URL], /--start-at: kube job sets the shared start/],
      [['--save', URL], /--save: a pod's journal goes with the pod/],
      [['--json', 'x.json', URL], /--json: each pod writes its record to its log/],
      [['--body-file', 'body.bin', URL], /--body-file: the pods cannot read files of this machine/],
      [['-R', '0', URL], /-R must be greater than 0/],
      [['-t', 'many', URL], /bench arguments: .*-t expects a whole number/],
      [['--no-such-flag', URL], /bench arguments: unknown option '--no-such-flag'/],
      [['-t1', '-c2', URL], /shard 0 of 3: .*3 shards need at least 3 connections/],
      [[URL, 'http://other/'], /give the one URL the shards load, got 2/],
    ];
    for (const [benchArgs, message] of cases) {
      const result = await runLoadlab(['kube', 'job', '--shards', '3', '--image', 'loadlab:dev', '--', ...benchArgs]);
      expect(result.status, benchArgs.join(' ')).toBe(2);
      expect(result.stderr, benchArgs.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
  }, 120_000);

  it('refuses bad --shards, --name, --cpu and --image', async () => {
    const cases: [string[], RegExp][] = [
      [['--shards', '0', '--image', 'x'], /--shards must be from 1 to 1000/],
      [['--shards', '2', '--image', 'x', '--name', 'Web_Load'], /--name must be lower-case letters/],
      [['--shards', '2', '--image', 'x', '--name', 'a'.repeat(62)], /the pod host name a+-1 would exceed 63 characters/],
      [['--shards', '2', '--image', 'x', '--cpu', 'two'], /--cpu expects a Kubernetes quantity/],
      [['--shards', '2', '--image', 'x y'], /--image must be an image reference/],
      [['--image', 'x'], /required option '--shards <N>' not specified/],
    ];
    for (const [flags, message] of cases) {
      const result = await runLoadlab(['kube', 'job', ...flags, '--', URL]);
      expect(result.status, flags.join(' ')).toBe(2);
      expect(result.stderr, flags.join(' ')).toMatch(message);
    }
  }, 60_000);

  it('takes connection-rate mode: every shard\'s command line passes bench\'s checks', async () => {
    const result = await runLoadlab(['kube', 'job', '--shards', '3', '--image', 'x', '--', '-t1', '--conn-rate', '300', '--num-conns', '900', URL]);
    expect(result.status, result.stderr).toBe(0);
    const args = (parse(result.stdout, { version: '1.1' }) as IJob).spec?.template.spec?.containers[0]?.args ?? [];
    expect(args.slice(7)).toEqual(['-t1', '--conn-rate', '300', '--num-conns', '900', URL]);
  });

  it('warns that a loopback URL is each pod\'s own', async () => {
    const result = await runLoadlab(['kube', 'job', '--shards', '2', '--image', 'x', '--', '-t1', '-c2', 'http://127.0.0.1:8080/']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/each pod's own loopback/);
  });
});

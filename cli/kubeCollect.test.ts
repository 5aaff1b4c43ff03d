// `loadlab kube collect` against a fake `kubectl` first on PATH, serving pod lists and logs made
// from real shard records: `kube job` prints a Job for 3 shards, and each "pod" is the command
// line the Job gives it (after Kubernetes' $(VAR) expansion) run here against a local server,
// its stdout and stderr together as `kubectl logs` gives them. So job → pods → collect is tested
// end to end, all but the cluster.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { parse } from 'yaml';
import { runRecordSchema, type RunRecord } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { recordFromLog } from './kubeShards.ts';
import { expandLikeKubernetes } from './testing/kubernetesExpansion.ts';

const work = mkdtempSync(join(tmpdir(), 'loadlab-kube-collect-'));
const fakeBin = join(work, 'bin');
const JOB = 'loadlab-test';
const NAMESPACE = 'load';
let server: http.Server;
/** The three shards' logs (report on stderr, record on stdout), by index. */
const logs: string[] = [];
const records: RunRecord[] = [];
/** The shared start instant the printed Job gave its pods. */
let jobStartAtMs = 0;

/**
 * kubectl as `kube collect` calls it: `get job`, `get pods -l SELECTOR`, `logs POD`, each served
 * from the scenario folder in $FAKE_KUBE_DIR; a wrong namespace is NotFound as on a cluster.
 * Every call is logged to calls.jsonl.
 */
const FAKE_KUBECTL = `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const dir = process.env.FAKE_KUBE_DIR;
const args = process.argv.slice(2);
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify(args) + '\\n');
const withValue = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container']);
const flags = {};
const words = [];
for (let i = 0; i < args.length; i += 1) {
  if (withValue.has(args[i])) { flags[args[i]] = args[i + 1]; i += 1; } else words.push(args[i]);
}
const namespace = flags['--namespace'] ?? flags['-n'] ?? 'default';
function serve(name, what) {
  const file = path.join(dir, name);
  if (namespace !== fs.readFileSync(path.join(dir, 'namespace'), 'utf8') || !fs.existsSync(file)) {
    process.stderr.write('Error from server (NotFound): ' + what + ' not found\\n');
    process.exit(1);
  }
  process.stdout.write(fs.readFileSync(file));
}
if (words[0] === 'get' && words[1] === 'job') serve('job-' + words[2] + '.json', 'jobs.batch "' + words[2] + '"');
else if (words[0] === 'get' && words[1] === 'pods') {
  const key = (flags['-l'] ?? flags['--selector']).split('=')[0];
  if (fs.existsSync(path.join(dir, 'pods-' + key.replaceAll('/', '_') + '.json'))) serve('pods-' + key.replaceAll('/', '_') + '.json', 'pods');
  else process.stdout.write('{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}');
} else if (words[0] === 'logs') serve('logs-' + words[1] + '.log', 'pods "' + words[1] + '"');
else { process.stderr.write('fake kubectl: not served: ' + args.join(' ') + '\\n'); process.exit(1); }
`;

interface PodSpec {
  index: number;
  phase: 'Succeeded' | 'Failed' | 'Running' | 'Pending';
  exitCode?: number;
  message?: string;
  log?: string;
}

const podName = (index: number): string => `${JOB}-${index}-x7k2p`;

/** A scenario folder: the Job, its pods (under the label `labelKey`), their logs. */
function scenario(name: string, pods: readonly PodSpec[], labelKey = 'batch.kubernetes.io/job-name'): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'namespace'), NAMESPACE);
  writeFileSync(join(dir, `job-${JOB}.json`), JSON.stringify({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: JOB, namespace: NAMESPACE }, spec: { completionMode: 'Indexed', completions: 3, parallelism: 3, backoffLimit: 0 }, status: {} }));
  const items = pods.map((pod) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(pod.index),
      namespace: NAMESPACE,
      creationTimestamp: '2026-12-07T01:00:00Z',
      labels: { [labelKey]: JOB, 'batch.kubernetes.io/job-completion-index': String(pod.index) },
      annotations: { 'batch.kubernetes.io/job-completion-index': String(pod.index) },
    },
    spec: { nodeName: `node-${pod.index}`, containers: [{ name: 'loadlab', image: 'registry.example.com/loadlab:0.1.0' }] },
    status: {
      phase: pod.phase,
      containerStatuses: [{ name: 'loadlab', state: pod.phase === 'Succeeded' || pod.phase === 'Failed' ? { terminated: { exitCode: pod.exitCode ?? 0, reason: pod.phase === 'Succeeded' ? 'Completed' : 'Error', ...(pod.message === undefined ? {} : { message: pod.message }) } } : { running: {} } }],
    },
  }));
  writeFileSync(join(dir, `pods-${labelKey.replaceAll('/', '_')}.json`), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  for (const pod of pods) writeFileSync(join(dir, `logs-${podName(pod.index)}.log`), pod.log ?? logs[pod.index] ?? '');
  return dir;
}

function collect(dir: string, args: readonly string[]) {
  return runLoadlab(['kube', 'collect', JOB, '--namespace', NAMESPACE, ...args], { FAKE_KUBE_DIR: dir, PATH: `${fakeBin}${delimiter}${process.env['PATH'] ?? ''}` });
}

function calls(dir: string): string[][] {
  return readFileSync(join(dir, 'calls.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
}

const allSucceeded: PodSpec[] = [0, 1, 2].map((index) => ({ index, phase: 'Succeeded' }));

beforeAll(async () => {
  mkdirSync(fakeBin);
  writeFileSync(join(fakeBin, 'kubectl'), FAKE_KUBECTL);
  chmodSync(join(fakeBin, 'kubectl'), 0o755);
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // --start-in: far enough ahead for three CLI starts on a loaded machine (a shard ready more
  // than 5 s after the instant would refuse to run; one start takes 1-2 s here).
  const printed = await runLoadlab(['kube', 'job', '--shards', '3', '--image', 'loadlab:test', '--name', JOB, '--start-in', '5s', '--', '-t1', '-c3', '-d1s', '-R60', '-H', 'X-Kept: $(HOME)', url]);
  if (printed.status !== 0) throw new Error(`kube job failed: ${printed.stderr}`);
  const container = (parse(printed.stdout, { version: '1.1' }) as IJob).spec?.template.spec?.containers[0];
  if (container?.command?.[0] !== 'loadlab' || container.args === undefined) throw new Error(`no loadlab command in the Job: ${printed.stdout}`);
  jobStartAtMs = Date.parse(container.args[container.args.indexOf('--start-at') + 1] ?? '');
  const podArgs = (index: number): string[] => (container.args ?? []).map((arg) => expandLikeKubernetes(arg, { JOB_COMPLETION_INDEX: String(index), HOME: '/home/node' }));
  const shards = await Promise.all([0, 1, 2].map((index) => runLoadlab(podArgs(index))));
  for (const [index, shard] of shards.entries()) {
    if (shard.status !== 0) throw new Error(`shard ${index} failed: ${shard.stderr}`);
    logs.push(`${shard.stderr}${shard.stdout}`);
    const record = recordFromLog(shard.stdout);
    if (typeof record === 'string') throw new Error(`shard ${index}: ${record}`);
    records.push(record);
  }
  // The header the user gave reached bench as written, not expanded by Kubernetes.
  expect(records[0]?.target.headers).toContainEqual(['X-Kept', '$(HOME)']);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

describe('loadlab kube collect', () => {
  it('merges the three shards\' records from the pod logs, prints the report, writes --json and saves', async () => {
    const dir = scenario('all', allSucceeded);
    const json = join(dir, 'merged.json');
    const journal = join(dir, 'journal');
    const result = await collect(dir, ['--json', json, '--save', '--journal', journal, '--title', 'three pods']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Requests\/sec/);
    expect(result.stdout).toMatch(/3 of 3 shards merged/);
    for (const index of [0, 1, 2]) expect(result.stderr).toContain(`shard ${index}/3 (pod ${podName(index)}) on node node-${index}: run ${records[index]?.id ?? ''}`);
    const merged = runRecordSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(merged.title).toBe('three pods');
    expect(merged.merge).toMatchObject({ partial: false, count: 3, startAtMs: jobStartAtMs });
    expect(merged.merge?.shards.map((shard) => [shard.index, shard.runId, shard.status])).toEqual(records.map((record, index) => [index, record.id, 'merged']));
    const sum = (pick: (record: RunRecord) => number | null): number => records.reduce((total, record) => total + (pick(record) ?? 0), 0);
    expect(merged.summary.requests).toBe(sum((record) => record.summary.requests));
    expect(merged.summary.latencyUs.count).toBe(sum((record) => record.summary.latencyUs.count));
    expect(merged.notes).toContain(`Kubernetes Job ${JOB} (namespace ${NAMESPACE}): 3 of 3 shards, on 3 nodes`);
    expect(result.stderr).toContain(`saved run ${merged.id} in the journal at ${journal}`);
    const list = await runLoadlab(['journal', 'list', '--json', '--journal', journal]);
    expect((JSON.parse(list.stdout) as { runs: { id: string }[] }).runs.map((run) => run.id)).toEqual([merged.id]);
    // kubectl was asked in the namespace given, the pods by the Job's label, each log by its pod.
    const asked = calls(dir);
    for (const call of asked) expect(call.join(' ')).toContain(`--namespace ${NAMESPACE}`);
    expect(asked.filter((call) => call[0] === 'logs').map((call) => call[1])).toEqual([0, 1, 2].map(podName));
  });

  it('finds the pods by the job-name label of clusters before Kubernetes 1.27', async () => {
    const result = await collect(scenario('old-labels', allSucceeded, 'job-name'), []);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Requests\/sec/);
  });

  it('a failed shard: named with its exit code and message; no merge without --partial, a partial one with it', async () => {
    const pods: PodSpec[] = [
      { index: 0, phase: 'Succeeded' },
      { index: 1, phase: 'Succeeded' },
      { index: 2, phase: 'Failed', exitCode: 1, message: 'loadlab: cannot connect', log: 'loadlab: cannot connect\n' },
    ];
    const dir = scenario('failed', pods);
    const refused = await collect(dir, []);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`shard 2/3 (pod ${podName(2)}): Failed, exit code 1 (Error), loadlab: cannot connect`);
    expect(refused.stderr).toMatch(/not merged: 1 of 3 shards have no record to merge; --partial merges the 2 there are/);
    expect(refused.stdout).toBe('');
    const json = join(dir, 'partial.json');
    const partial = await collect(dir, ['--partial', '--json', json]);
    expect(partial.status, partial.stderr).toBe(0);
    const merged = runRecordSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(merged.merge?.partial).toBe(true);
    expect(partial.stdout).toMatch(/2 of 3 shards merged .* PARTIAL/);
    expect(merged.merge?.shards.map((shard) => shard.status)).toEqual(['merged', 'merged', 'missing']);
    expect(merged.summary.requests).toBe((records[0]?.summary.requests ?? 0) + (records[1]?.summary.requests ?? 0));
  });

  it('a pod missing, a pod still running, a log without a record, a record of another shard: each named', async () => {
    const pods: PodSpec[] = [
      { index: 0, phase: 'Succeeded', log: 'Running 1s test @ http://x/\n' },
      { index: 1, phase: 'Succeeded', log: logs[2] ?? '' },
    ];
    const result = await collect(scenario('odd', pods), []);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`shard 0/3 (pod ${podName(0)}): its log holds no run record`);
    expect(result.stderr).toContain(`shard 1/3 (pod ${podName(1)}): its record is shard 2/3's`);
    expect(result.stderr).toContain(`shard 2/3: no pod`);
    const running = await collect(scenario('running', [...allSucceeded.slice(0, 2), { index: 2, phase: 'Running' }]), []);
    expect(running.stderr).toContain(`shard 2/3 (pod ${podName(2)}): Running, not finished yet`);
  });

  it('a Job that is not there, and no kubectl at all, are said plainly', async () => {
    const dir = scenario('none', allSucceeded);
    const wrongNamespace = await runLoadlab(['kube', 'collect', JOB, '--namespace', 'other'], { FAKE_KUBE_DIR: dir, PATH: `${fakeBin}${delimiter}${process.env['PATH'] ?? ''}` });
    expect(wrongNamespace.status).toBe(1);
    expect(wrongNamespace.stderr).toContain(`Error from server (NotFound): jobs.batch "${JOB}" not found`);
    const emptyBin = join(work, 'empty-bin');
    mkdirSync(emptyBin);
    const missing = await runLoadlab(['kube', 'collect', JOB], { PATH: emptyBin });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/kubectl was not found on PATH/);
  });
});

// What kube collect makes of kubectl's JSON and a pod's log, without a cluster.
import { describe, expect, it } from 'vitest';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import { describePodState, jobSchema, podListSchema, recordFromLog, shardPods, type KubePod } from './kubeShards.ts';

const job = jobSchema.parse({ metadata: { name: 'j' }, spec: { completions: 3, completionMode: 'Indexed' } });

function pod(index: number, status: NonNullable<KubePod['status']>, created = '2026-12-07T01:00:00Z'): KubePod {
  return podListSchema.parse({
    items: [{ metadata: { name: `j-${index}-${created.slice(14, 16)}`, annotations: { 'batch.kubernetes.io/job-completion-index': String(index) }, creationTimestamp: created }, spec: { nodeName: `node-${index}` }, status }],
  }).items[0] as KubePod;
}
const succeeded = { phase: 'Succeeded', containerStatuses: [{ name: 'loadlab', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };

describe('shardPods', () => {
  it('takes one Succeeded pod per completion index', () => {
    const result = shardPods(job, [pod(2, succeeded), pod(0, succeeded), pod(1, succeeded)]);
    expect(result.finished.map((shard) => [shard.index, shard.node])).toEqual([[0, 'node-0'], [1, 'node-1'], [2, 'node-2']]);
    expect(result.problems).toEqual([]);
  });

  it('names a missing index, a failed pod with its exit code and message, a pending one', () => {
    const failed = { phase: 'Failed', containerStatuses: [{ name: 'loadlab', state: { terminated: { exitCode: 1, reason: 'Error', message: 'Running 10s test @ http://x/\nloadlab: connect ECONNREFUSED 10.0.0.9:80\n(run with --help for usage)\n' } } }] };
    const pending = { phase: 'Pending', containerStatuses: [{ name: 'loadlab', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"' } } }] };
    const four = { ...job, spec: { ...job.spec, completions: 4 } };
    const result = shardPods(four, [pod(0, succeeded), pod(2, failed), pod(3, pending)]);
    expect(result.finished.map((shard) => shard.index)).toEqual([0]);
    expect(result.problems).toEqual([
      'shard 1/4: no pod (deleted, or never created: kubectl describe job j)',
      'shard 2/4 (pod j-2-00): Failed, exit code 1 (Error), loadlab: connect ECONNREFUSED 10.0.0.9:80',
      'shard 3/4 (pod j-3-00): Pending, ImagePullBackOff, Back-off pulling image "x", not finished yet',
    ]);
  });

  it('a Succeeded pod counts beside a failed one of the same index; otherwise the latest pod is described', () => {
    const failed = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    expect(shardPods({ ...job, spec: { ...job.spec, completions: 1 } }, [pod(0, failed), pod(0, succeeded, '2026-12-07T01:05:00Z')]).problems).toEqual([]);
    expect(describePodState(pod(0, failed))).toBe('Failed, Evicted, The node was low on resource: memory.');
    const older = pod(0, { phase: 'Failed', reason: 'Evicted' }, '2026-12-07T01:01:00Z');
    const newer = pod(0, { phase: 'Running' }, '2026-12-07T01:09:00Z');
    expect(shardPods({ ...job, spec: { ...job.spec, completions: 1 } }, [newer, older]).problems).toEqual(['shard 0/1 (pod j-0-09): Running, not finished yet']);
  });

  it('refuses a Job that is not Indexed', () => {
    expect(() => shardPods({ ...job, spec: { completions: 3, completionMode: 'NonIndexed' } }, [])).toThrow(/not an Indexed Job/);
  });
});

describe('recordFromLog', () => {
  const record = simulatedRecord({ durationMs: 2000, seed: 7 });

  it('finds the record line among the report lines around it', () => {
    const log = `Running 2s test @ http://x/\n  1 threads and 2 connections\n${JSON.stringify(record)}\nRequests/sec: 200\n`;
    const found = recordFromLog(log);
    expect(typeof found).toBe('object');
    expect(found).toMatchObject({ id: record.id, summary: { requests: record.summary.requests } });
  });

  it('says when there is none, or it does not validate', () => {
    expect(recordFromLog('Running 2s test\n{"not":"a record"}\n')).toMatch(/holds no run record/);
    expect(recordFromLog(`${JSON.stringify({ ...record, summary: { ...record.summary, requests: -1 } })}\n`)).toMatch(/not valid: summary\.requests/);
  });
});

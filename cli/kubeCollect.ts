// `loadlab kube collect JOB`: the shard records from the pods of a `kube job` Job (kubectl get,
// kubectl logs), checked shard by shard, merged exactly (experiments/shardMerge.ts), reported, kept.
import { writeFile } from 'node:fs/promises';
import type { RunRecord } from '../common/runRecord.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { terminalLine } from '../common/terminalText.ts';
import { mergeShardRecords, ShardMergeError } from '../experiments/shardMerge.ts';
import { writeFallbackRecord } from '../journal/store/fallbackRecord.ts';
import { openJournal } from '../journal/store/journal.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { mergedReport } from './journalMerge.ts';
import { kubectl } from './kubectl.ts';
import { jobSchema, parseKubectlJson, podListSchema, recordFromLog, shardPods, type KubePod } from './kubeShards.ts';

export interface CollectFlags {
  namespace?: string;
  save: boolean;
  json?: string;
  partial: boolean;
  title?: string;
  journal?: string;
}

const say = (line: string): void => {
  process.stderr.write(`${terminalLine(`loadlab: ${line}`)}\n`);
};

async function jobPods(job: string, namespace: readonly string[]): Promise<KubePod[]> {
  // The label since Kubernetes 1.27; `job-name` before (and still set beside it).
  for (const selector of [`batch.kubernetes.io/job-name=${job}`, `job-name=${job}`]) {
    const list = parseKubectlJson(await kubectl(['get', 'pods', ...namespace, '-l', selector, '-o', 'json']), podListSchema, `pod list of job ${job}`);
    if (list.items.length > 0) return list.items;
  }
  return [];
}

/** Exit status: 0 merged (also partially, with --partial), 1 not merged or an output failed. */
export async function collectShards(jobName: string, flags: CollectFlags): Promise<number> {
  const namespace = flags.namespace === undefined ? [] : ['--namespace', flags.namespace];
  const job = parseKubectlJson(await kubectl(['get', 'job', jobName, ...namespace, '-o', 'json']), jobSchema, `job ${jobName}`);
  const { count, finished, problems } = shardPods(job, await jobPods(jobName, namespace));
  const records: RunRecord[] = [];
  const nodes = new Set<string>();
  for (const shard of finished) {
    const name = `shard ${shard.index}/${count} (pod ${shard.pod})`;
    const record = recordFromLog(await kubectl(['logs', shard.pod, ...namespace, '--container', 'loadlab']));
    if (typeof record === 'string') {
      problems.push(`${name}: ${record}`);
    } else if (record.shard?.index !== shard.index || record.shard.count !== count) {
      problems.push(`${name}: its record is ${record.shard === undefined ? 'not a shard\'s' : `shard ${record.shard.index}/${record.shard.count}'s`}`);
    } else {
      records.push(record);
      if (shard.node !== null) nodes.add(shard.node);
      say(`${name}${shard.node === null ? '' : ` on node ${shard.node}`}: run ${record.id}, started ${record.shard.latenessMs === null ? 'at no set instant' : `${record.shard.latenessMs} ms after the set instant`}`);
    }
  }
  for (const problem of problems) say(problem);
  if (problems.length > 0 && !flags.partial) {
    say(`not merged: ${problems.length} of ${count} shards have no record to merge; --partial merges the ${records.length} there are (the run is marked partial)`);
    return 1;
  }

  let merged: RunRecord;
  try {
    merged = mergeShardRecords(records, { partial: flags.partial, ...(flags.title === undefined ? {} : { title: flags.title }) });
  } catch (error) {
    if (error instanceof ShardMergeError) {
      say(`not merged: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (merged.notes.trim() === '') {
    const where = flags.namespace === undefined ? '' : ` (namespace ${flags.namespace})`;
    merged = { ...merged, notes: `Collected from the Kubernetes Job ${jobName}${where}: ${records.length} of ${count} shards, on ${nodes.size} node${nodes.size === 1 ? '' : 's'}.` };
  }
  // As `journal merge` prints it: wrk2's layout, then the shards.
  process.stdout.write(mergedReport(merged));
  return deliverMerged(merged, flags);
}

/** --json and --save, each attempted on its own; what failed leaves the record in the fallback file. */
async function deliverMerged(record: RunRecord, flags: CollectFlags): Promise<number> {
  let status = 0;
  if (flags.json !== undefined) {
    try {
      await writeFile(flags.json, `${JSON.stringify(record, null, 2)}\n`);
    } catch (error) {
      say(`cannot write --json ${flags.json}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`);
      status = 1;
    }
  }
  if (flags.save) {
    const dir = resolveJournalDir({ flag: flags.journal });
    try {
      await (await openJournal(dir)).put(record);
      say(`saved run ${record.id} in the journal at ${dir}`);
    } catch (error) {
      say(`could not save the run in the journal: ${errorMessage(error)}`);
      status = 1;
    }
  }
  if (status !== 0) {
    try {
      say(`the merged run is kept at ${await writeFallbackRecord(record)}; \`loadlab journal import FILE\` adds it to a journal later`);
    } catch (error) {
      say(`the merged run could not be kept: ${errorMessage(error)} (run kube collect again while the pods are there)`);
    }
  }
  return status;
}

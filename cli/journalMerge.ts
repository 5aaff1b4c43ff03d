// `loadlab journal merge RUN…`: one run record from the records of a load's shards (`bench
// --shard I/N`), each given as a journal id or a JSON file; the merged report in wrk2's layout,
// then the shards. The merge itself is experiments/shardMerge.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { errorMessage } from '../common/errorMessage.ts';
import { formatWrkReport } from '../common/report/wrkReport.ts';
import { httperfInvocation, reportText } from '../common/report/reportText.ts';
import { formatHttperfReport } from '../common/report/httperfReport.ts';
import { measuredRunRecordSchema, runRecordSchema, type MergeInfo, type RunRecord } from '../common/runRecord.ts';
import { terminalBlock, terminalLine } from '../common/terminalText.ts';
import { describeZodIssues } from '../common/zodIssues.ts';
import { mergeShardRecords, ShardMergeError } from '../experiments/shardMerge.ts';
import type { Journal } from '../journal/store/journal.ts';
import { journalFrom } from './journalFrom.ts';
import { UsageError } from './numbers.ts';

interface MergeFlags {
  title?: string;
  partial: boolean;
  json?: string;
  save: boolean;
}

/** A run as given: a path (it names a file: has a slash or ends in .json) or a journal id. */
function isFileArgument(run: string): boolean {
  return run.includes('/') || run.toLowerCase().endsWith('.json');
}

async function readRecordFile(path: string): Promise<RunRecord> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${errorMessage(error)}`);
  }
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${path} is not a run record (loadlab.run/1): ${describeZodIssues(parsed.error).join('; ')}`);
  return parsed.data;
}

async function readRuns(runs: readonly string[], journal: () => Promise<Journal>): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const run of runs) records.push(isFileArgument(run) ? await readRecordFile(run) : await (await journal()).get(run));
  return records;
}

/** The shards under the report: index, host, start lateness, run, and what became of each. */
export function shardLines(merge: MergeInfo): string[] {
  const startAt = merge.startAtMs === null ? 'no common start instant' : `start at ${new Date(merge.startAtMs).toISOString()}`;
  // A failed shard (stopped early) is in a partial merge's figures with what it measured.
  const merged = merge.shards.filter((shard) => shard.status !== 'missing').length;
  const lines = [`  ${merged} of ${merge.count} shards merged (${startAt})${merge.partial ? ' — PARTIAL: the figures cover only these shards, each as far as it ran' : ''}`];
  for (const shard of merge.shards) {
    const parts = [`shard ${shard.index}/${merge.count}`, shard.host ?? '-'];
    if (shard.latenessMs !== null) parts.push(`started ${shard.latenessMs.toFixed(0)} ms late`);
    if (shard.runId !== null) parts.push(shard.runId);
    if (shard.status !== 'merged') parts.push(shard.status === 'missing' ? 'missing' : 'failed (stopped early)');
    lines.push(terminalLine(`    ${parts.join('  ')}`));
  }
  return lines;
}

/** The merged run as bench prints one (wrk2's layout with its latency spectrum; httperf's in connection-rate mode), then its shards. */
export function mergedReport(record: RunRecord): string {
  const measured = measuredRunRecordSchema.safeParse(record);
  const run = measured.success ? measured.data : null;
  const report =
    run === null
      ? reportText(record)
      : run.load.mode === 'conn-rate'
        ? formatHttperfReport(run, httperfInvocation(run))
        : formatWrkReport(run, { latency: true, uncorrectedLatency: false });
  return `${terminalBlock(report)}${record.merge ? `${shardLines(record.merge).join('\n')}\n` : ''}`;
}

export function mergeCommand(): Command {
  return new Command('merge')
    .description("one run from the run records of a load's shards (bench --shard I/N): histograms added, counts summed")
    .argument('<run...>', 'shard runs: journal ids or JSON record files (bench --json)')
    .option('--title <text>', 'title of the merged run')
    .option('--partial', 'merge the shards there are when one is missing or failed (the record says it is partial)', false)
    .option('--json <file>', 'write the merged run record (loadlab.run/1) to this file')
    .option('--save', 'keep the merged run in the journal', false)
    .action(async (runs: string[], flags: MergeFlags, command: Command) => {
      let opened: Journal | null = null;
      const journal = async (): Promise<Journal> => (opened ??= await journalFrom(command));
      const records = await readRuns(runs, journal);
      let merged: RunRecord;
      try {
        merged = mergeShardRecords(records, { partial: flags.partial, ...(flags.title !== undefined ? { title: flags.title } : {}) });
      } catch (error) {
        if (!(error instanceof ShardMergeError)) throw error;
        process.stderr.write(`${terminalLine(`loadlab: cannot merge: ${error.message}`)}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(mergedReport(merged));
      if (flags.json !== undefined) await writeFile(flags.json, `${JSON.stringify(merged, null, 2)}\n`);
      if (flags.save) {
        const store = await journal();
        await store.put(merged);
        process.stderr.write(`${terminalLine(`loadlab: saved run ${merged.id} in the journal at ${store.dir}`)}\n`);
      }
    });
}

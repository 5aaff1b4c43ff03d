// What `bench` and `httperf` share once flags are parsed: validate, run with a live line on a
// terminal, stop cleanly on Ctrl-C, print the report, write the record (never lose it).
import { writeFile } from 'node:fs/promises';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import type { BenchConfig } from '../bench-runner/config.ts';
import { ConfigError, startRun, validateConfig, type LiveSample, type RunHandle } from '../bench-runner/run.ts';
import { UsageError } from './numbers.ts';
import { ProgressLine } from './progress.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { writeFallbackRecord } from '../journal/store/fallbackRecord.ts';
import { saveRun, savedForm, type SaveFlags } from './saveToJournal.ts';

/** Validates a config built from flags; problems become a usage error (exit status 2). */
export function configFromFlags(input: BenchConfig): BenchConfig {
  try {
    return validateConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.join('\n         '));
    throw error;
  }
}

/**
 * `--json -`: the record goes to stdout as one line of JSON and the report to stderr, so a pipe
 * (or `kubectl logs`, which interleaves a pod's stdout and stderr line by line) gets the record
 * whole on a line of its own.
 */
export const JSON_TO_STDOUT = '-';

export interface RunOutputs {
  /** --json FILE, or JSON_TO_STDOUT */
  jsonPath: string | undefined;
  /** --save and its title, notes, tags and journal */
  save: SaveFlags;
}

/** A server Loadlab runs beside the load (`bench --server`): it sees the run start and completes the record. */
export interface RunCompanion {
  /** Once the config is valid, before any load (starts the server, warms up). */
  before(config: BenchConfig): Promise<void>;
  onStart(startEpochMs: number): void;
  attach(handle: RunHandle): void;
  finish(record: MeasuredRunRecord): Promise<MeasuredRunRecord>;
}

export async function runWithReport(config: BenchConfig, report: (record: MeasuredRunRecord) => string, outputs: RunOutputs, companion?: RunCompanion): Promise<number> {
  await companion?.before(config);
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  const handle = startRun(config, { onSample: (sample: LiveSample) => progress?.update(sample), ...(companion ? { onStart: (epochMs: number) => companion.onStart(epochMs) } : {}) });
  companion?.attach(handle);
  const onInterrupt = (): void => {
    process.stderr.write('\nloadlab: stopping; the report covers what was measured so far\n');
    handle.stop();
    process.off('SIGINT', onInterrupt);
  };
  process.on('SIGINT', onInterrupt);
  let record: MeasuredRunRecord;
  try {
    record = await handle.result;
    if (companion) record = await companion.finish(record);
  } finally {
    process.off('SIGINT', onInterrupt);
    progress?.clear();
  }

  (outputs.jsonPath === JSON_TO_STDOUT ? process.stderr : process.stdout).write(report(record));
  return deliverRecord(record, outputs);
}

/**
 * Each output is attempted on its own (a failed --json write does not skip --save); a record that
 * could not go where it was asked goes to the fallback file, whose path the message names. Exit
 * status 1 when any output failed, even though the record was kept.
 */
export async function deliverRecord(record: MeasuredRunRecord, outputs: RunOutputs, fallbackDirs?: readonly string[]): Promise<number> {
  const { jsonPath } = outputs;
  const missed: string[] = [];
  if (jsonPath === JSON_TO_STDOUT) {
    process.stdout.write(`${JSON.stringify(record)}\n`);
  } else if (jsonPath !== undefined) {
    try {
      await writeFile(jsonPath, `${JSON.stringify(record, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`loadlab: cannot write --json ${jsonPath}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}\n`);
      missed.push(`--json ${jsonPath}`);
    }
  }
  if (outputs.save.save) {
    try {
      const saved = await saveRun(record, outputs.save);
      process.stderr.write(`loadlab: saved run ${saved.id} in the journal at ${saved.dir}\n`);
    } catch (error) {
      process.stderr.write(`loadlab: could not save the run in the journal: ${errorMessage(error)}\n`);
      missed.push('the journal');
    }
  }
  if (missed.length === 0) return 0;
  try {
    const path = await writeFallbackRecord(savedForm(record, outputs.save), fallbackDirs);
    process.stderr.write(`loadlab: the run record is kept at ${path} (it could not go to ${missed.join(' or ')}); \`loadlab journal import ${path}\` adds it to a journal later\n`);
  } catch (error) {
    process.stderr.write(`loadlab: the run record could not be kept: ${errorMessage(error)}\n`);
  }
  return 1;
}

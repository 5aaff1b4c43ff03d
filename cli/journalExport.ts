// `loadlab journal export ID…|--all --format md|html|json|csv|hlog --out PATH [--group "label=ID,ID"]…`,
// and `loadlab journal export --experiment ID --format md|html|json|csv --out PATH` for a sweep.
// PATH is the primary file (its folder gets the companions, under their own names, since the
// Markdown links to its SVG charts by name), or an existing folder for all of them.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { EXPORT_FORMATS, exportRuns, type ExportFormat } from '../journal/export/exportRuns.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { terminalLine } from '../common/terminalText.ts';
import { SWEEP_EXPORT_FORMATS, type SweepExportFormat } from '../experiments/export/exportSweep.ts';
import { exportExperiment } from '../lab/experimentView.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import type { ExportFile } from '../journal/export/fileNames.ts';
import { parseGroupSpec, type GroupSpec } from './journalCompare.ts';
import { journalFrom } from './journalFrom.ts';
import { UsageError } from './numbers.ts';

interface ExportFlags {
  all: boolean;
  experiment?: string;
  group: GroupSpec[];
  format: ExportFormat;
  out: string;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Where each file goes: the primary at `out` (unless `out` is a folder), companions beside it. */
export async function exportPaths(out: string, names: readonly string[]): Promise<string[]> {
  if (await isFolder(out)) return names.map((name) => join(out, name));
  return names.map((name, index) => (index === 0 ? out : join(dirname(out), name)));
}

export function exportCommand(): Command {
  return new Command('export')
    .description('write runs as Markdown (seed style, SVG charts beside it), self-contained HTML, JSON, CSV or HdrHistogram logs')
    .argument('[id...]', 'run ids (or --all)')
    .option('--all', 'every run in the journal', false)
    .option('--experiment <id>', 'a sweep (loadlab journal sweeps lists them): its curve, table and knee as md, html, json or csv')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file, or an existing folder')
    .option('--group <label=ids>', "md/html comparison: a group of repeated runs (repeatable; runs in no group, and all without it, are each alone; a group's runs are exported too)", (text: string, all: GroupSpec[]) => [...all, parseGroupSpec(text)], [])
    .action(async (ids: string[], flags: ExportFlags, command: Command) => {
      if (flags.experiment !== undefined) return exportExperimentFiles(flags.experiment, ids, flags, command);
      const grouped = flags.group.flatMap((group) => group.ids);
      if (flags.all ? ids.length > 0 : ids.length + grouped.length === 0) throw new UsageError('give run ids or --all (not both)');
      const journal = await journalFrom(command);
      const chosen = flags.all ? (await journal.list()).runs.map((run) => run.id) : [...new Set([...grouped, ...ids])];
      if (chosen.length === 0) throw new UsageError('the journal has no runs to export');
      // A run that cannot be read or exported is named and left out; the rest are exported.
      const records = [];
      const left: { id: string; reason: string }[] = [];
      for (const id of chosen) {
        try {
          records.push(await journal.get(id));
        } catch (error) {
          if (!flags.all) throw error;
          left.push({ id, reason: errorMessage(error) });
        }
      }
      if (records.length === 0) throw new Error(`nothing to export: ${left.map((run) => `${run.id}: ${run.reason}`).join('; ')}`);
      let exported;
      try {
        exported = exportRuns(records, flags.format, flags.group);
      } catch (error) {
        throw new UsageError(errorMessage(error));
      }
      const { files, skipped } = exported;
      for (const run of skipped) left.push(run);
      await writeExported(flags.out, files);
      for (const run of left) process.stderr.write(`loadlab: left out ${terminalLine(run.id)}: ${terminalLine(run.reason)}\n`);
      process.stderr.write(`loadlab: exported ${records.length - skipped.length} run(s) as ${flags.format}${left.length > 0 ? `, ${left.length} left out` : ''}\n`);
      if (left.length > 0) process.exitCode = 1;
    });
}

async function writeExported(out: string, files: readonly ExportFile[]): Promise<void> {
  const paths = await exportPaths(out, files.map((file) => file.name));
  for (const [index, file] of files.entries()) {
    const path = paths[index] ?? join(dirname(out), file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    process.stdout.write(`${terminalLine(path)}\n`);
  }
}

function isSweepFormat(format: string): format is SweepExportFormat {
  return (SWEEP_EXPORT_FORMATS as readonly string[]).includes(format);
}

/** A sweep's report; an unknown id fails with "no experiment ID in the journal". */
async function exportExperimentFiles(id: string, ids: readonly string[], flags: ExportFlags, command: Command): Promise<void> {
  if (ids.length > 0 || flags.all || flags.group.length > 0) throw new UsageError('--experiment exports one sweep: give no run ids, --all or --group with it');
  const format = flags.format;
  if (!isSweepFormat(format)) throw new UsageError(`a sweep exports as ${SWEEP_EXPORT_FORMATS.join(', ')} (export its runs for .hlog: loadlab journal sweeps ${id} lists them)`);
  const journal = await journalFrom(command);
  const files = await exportExperiment(await openExperiments(journal.dir), (runId) => journal.get(runId), id, format);
  await writeExported(flags.out, files);
  process.stderr.write(`loadlab: exported sweep ${terminalLine(id)} as ${format}\n`);
}

// `loadlab journal import FILE…`: wrk, wrk2, httperf and autocannon outputs, HdrHistogram logs,
// Loadlab records and markdown journals, recognised from their content. Per file and per run:
// each file is read (or named as not read, with why), each run added, already there, or refused
// with its reason; the summary line always comes last, whatever failed on the way.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { formatBytes } from '../common/format.ts';
import { errorMessage } from '../common/errorMessage.ts';
import type { ImportSummary } from '../common/labApi.ts';
import { terminalLine } from '../common/terminalText.ts';
import { emptyImportSummary, importFile, MAX_IMPORT_BYTES } from '../journal/importFiles.ts';
import { journalFrom } from './journalFrom.ts';

/** The file's text, or why it was not read (too large, unreadable). */
async function readImportFile(path: string): Promise<{ text: string } | { problem: string }> {
  try {
    const { size } = await stat(path);
    if (size > MAX_IMPORT_BYTES) return { problem: `not read: ${formatBytes(size)} (${size} bytes) is more than the ${formatBytes(MAX_IMPORT_BYTES)} an import reads` };
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    return { problem: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}` };
  }
}

function printSummary(summary: ImportSummary): void {
  process.stderr.write(
    `loadlab: ${summary.added.length} added, ${summary.existing.length} already there, ${summary.refused.length} refused, ${summary.errors.length} file(s) not read\n`,
  );
}

export function importCommand(): Command {
  return new Command('import')
    .description('read other tools\' reports and markdown journals into the journal (format recognised from the content)')
    .argument('<file...>', 'files to import')
    .action(async (paths: string[], _flags: unknown, command: Command) => {
      const journal = await journalFrom(command);
      const summary = emptyImportSummary();
      const importedAt = new Date().toISOString();
      const out = (line: string): boolean => process.stdout.write(`${terminalLine(line)}\n`);
      const err = (line: string): boolean => process.stderr.write(`loadlab: ${terminalLine(line)}\n`);
      try {
        for (const path of paths) {
          const name = basename(path);
          const read = await readImportFile(path);
          if ('problem' in read) {
            summary.errors.push({ file: name, message: `${path}: ${read.problem}` });
            err(`${path}: ${read.problem}`);
            continue;
          }
          const before = { added: summary.added.length, existing: summary.existing.length, refused: summary.refused.length, errors: summary.errors.length, warnings: summary.warnings.length };
          await importFile(journal, { name, text: read.text }, importedAt, summary);
          for (const warning of summary.warnings.slice(before.warnings)) err(`warning: ${warning.message}`);
          for (const error of summary.errors.slice(before.errors)) err(error.message);
          for (const header of summary.added.slice(before.added)) out(`added    ${header.id}  ${header.title}`);
          for (const id of summary.existing.slice(before.existing)) out(`existing ${id}  (already in the journal)`);
          for (const run of summary.refused.slice(before.refused)) out(`refused  ${run.runId ?? '(no id)'}  ${run.file}: ${run.message}`);
        }
      } finally {
        printSummary(summary);
      }
      if (summary.errors.length > 0 || summary.refused.length > 0) process.exitCode = 1;
    });
}

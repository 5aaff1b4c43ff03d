// `loadlab journal import FILE…`: wrk, wrk2, httperf and autocannon outputs, HdrHistogram logs,
// Loadlab records and markdown journals, recognised from their content.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { importFiles, type FileToImport } from '../journal/importFiles.ts';
import { journalFrom } from './journal.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('read other tools\' reports and markdown journals into the journal (format recognised from the content)')
    .argument('<file...>', 'files to import')
    .action(async (paths: string[], _flags: unknown, command: Command) => {
      const journal = await journalFrom(command);
      const files: FileToImport[] = [];
      let failed = false;
      for (const path of paths) {
        try {
          files.push({ name: basename(path), text: await readFile(path, 'utf8') });
        } catch (error) {
          process.stderr.write(`loadlab: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
          failed = true;
        }
      }
      const summary = await importFiles(journal, files, new Date().toISOString());
      for (const warning of summary.warnings) process.stderr.write(`loadlab: warning: ${warning.message}\n`);
      for (const error of summary.errors) process.stderr.write(`loadlab: ${error.message}\n`);
      for (const header of summary.added) process.stdout.write(`added    ${header.id}  ${header.title}\n`);
      for (const id of summary.existing) process.stdout.write(`existing ${id}  (already in the journal)\n`);
      process.stderr.write(`loadlab: ${summary.added.length} added, ${summary.existing.length} already there, ${summary.errors.length} file(s) not read\n`);
      if (failed || summary.errors.length > 0) process.exitCode = 1;
    });
}

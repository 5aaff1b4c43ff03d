// File → Import…, Export… and Open Journal Folder: native dialogs around lab calls.
// Export… writes every run in the journal, in the format of the file type picked.
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Lab } from '../lab/lab.ts';
import { exportFilters, formatOfPath, planExportWrites } from './exportPlan.ts';
import { importReport, type UnreadFile } from './importReport.ts';
import { errorMessage } from '../common/errorMessage.ts';

/** journal.import takes files up to this size. */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;


function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<unknown> {
  return parent === null ? dialog.showMessageBox(options) : dialog.showMessageBox(parent, options);
}

async function readImportFiles(paths: readonly string[]): Promise<{ files: { name: string; text: string }[]; unread: UnreadFile[] }> {
  const files: { name: string; text: string }[] = [];
  const unread: UnreadFile[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.size > MAX_IMPORT_BYTES) unread.push({ file: basename(path), message: `${Math.round(info.size / 2 ** 20)} MiB is more than the 256 MiB an import takes` });
      else files.push({ name: basename(path), text: await readFile(path, 'utf8') });
    } catch (error) {
      unread.push({ file: basename(path), message: `could not read it: ${errorMessage(error)}` });
    }
  }
  return { files, unread };
}

export async function importFiles(lab: Lab, parent: BrowserWindow | null): Promise<void> {
  const options = {
    title: 'Import runs',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
    filters: [
      { name: 'Reports and logs (wrk, wrk2, httperf, autocannon, markdown, HdrHistogram)', extensions: ['txt', 'md', 'log', 'out', 'json', 'hlog'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const picked = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  if (picked.canceled || picked.filePaths.length === 0) return;
  try {
    const { files, unread } = await readImportFiles(picked.filePaths);
    const summary = files.length > 0 ? await lab.call('journal.import', { files }) : { added: [], existing: [], refused: [], errors: [], warnings: [] };
    const report = importReport(summary, unread);
    await showMessage(parent, { type: report.failed ? 'warning' : 'info', message: report.title, detail: report.detail });
  } catch (error) {
    dialog.showErrorBox('Import failed', errorMessage(error));
  }
}

export async function exportJournal(lab: Lab, parent: BrowserWindow | null): Promise<void> {
  try {
    const { runs } = await lab.call('journal.list', {});
    if (runs.length === 0) {
      await showMessage(parent, { type: 'info', message: 'Nothing to export', detail: 'The journal has no runs yet.' });
      return;
    }
    const options = {
      title: `Export all ${runs.length} runs`,
      defaultPath: join(app.getPath('documents'), 'loadlab-journal.md'),
      filters: exportFilters,
    };
    const chosen = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
    if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return;
    const format = formatOfPath(chosen.filePath) ?? 'md';
    const path = extname(chosen.filePath) === '' ? `${chosen.filePath}.${format}` : chosen.filePath;
    const { files, skipped } = await lab.call('journal.export', { ids: runs.map((run) => run.id), format });
    const writes = planExportWrites(path, files);
    for (const write of writes) {
      await mkdir(dirname(write.path), { recursive: true });
      await writeFile(write.path, write.content, 'utf8');
    }
    const where = writes.length === 1 ? path : dirname(writes[0]?.path ?? path);
    await showMessage(parent, { type: 'info', message: 'Export finished', detail: [`${runs.length - skipped.length} runs written to ${where}`, ...skipped.map((run) => `Left out ${run.id}: ${run.reason}`)].join('\n') });
  } catch (error) {
    dialog.showErrorBox('Export failed', errorMessage(error));
  }
}

export async function openJournalFolder(journalDir: string): Promise<void> {
  try {
    await mkdir(journalDir, { recursive: true });
    const failure = await shell.openPath(journalDir);
    if (failure !== '') dialog.showErrorBox('Could not open the journal folder', `${journalDir}: ${failure}`);
  } catch (error) {
    dialog.showErrorBox('Could not open the journal folder', `${journalDir}: ${errorMessage(error)}`);
  }
}

// Where Export… writes: pure, so the naming rules are tested without dialogs or disks.
import type { ExportedFile, ExportFormat } from '../common/labApi.ts';
import { basename, dirname, extname, join } from 'node:path';

/** The save dialog's file types; the one picked decides the format. */
export const exportFilters: { name: string; extensions: [ExportFormat] }[] = [
  { name: 'Markdown report', extensions: ['md'] },
  { name: 'HTML report with charts', extensions: ['html'] },
  { name: 'Run records (JSON)', extensions: ['json'] },
  { name: 'Summary table (CSV)', extensions: ['csv'] },
  { name: 'HdrHistogram interval log', extensions: ['hlog'] },
];

export function formatOfPath(path: string): ExportFormat | null {
  const extension = extname(path).slice(1).toLowerCase();
  return exportFilters.find((filter) => filter.extensions[0] === extension)?.extensions[0] ?? null;
}

export interface PlannedWrite {
  path: string;
  content: string;
}

/**
 * One file goes to the chosen path. Several (one per run, for some formats) go into a folder
 * named like the chosen file without its extension, each under its own name.
 */
export function planExportWrites(chosenPath: string, files: readonly ExportedFile[]): PlannedWrite[] {
  const [only] = files;
  if (files.length === 1 && only !== undefined) return [{ path: chosenPath, content: only.content }];
  const folder = join(dirname(chosenPath), basename(chosenPath, extname(chosenPath)));
  return files.map((file, index) => ({ path: join(folder, safeName(file.name, index)), content: file.content }));
}

/** The file's own name, never a path: no folders, no dot-dot. */
function safeName(name: string, index: number): string {
  const base = basename(name.replaceAll('\\', '/'));
  return base === '' || base === '.' || base === '..' ? `export-${index + 1}` : base;
}

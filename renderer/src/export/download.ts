// Files handed to the browser as downloads (Blob + <a download>); Electron saves them the same way.
import type { ExportedFile } from '../../../common/labApi.ts';
import { bundleFiles } from './zipFiles.ts';

const TYPES: Record<string, string> = {
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
  csv: 'text/csv',
  hlog: 'text/plain',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

export function mimeTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const type = TYPES[extension] ?? 'text/plain';
  return type === 'application/zip' ? type : `${type};charset=utf-8`;
}

/** Several files (Markdown and its charts, CSV and its series) arrive as one .zip. */
export function downloadFiles(files: readonly ExportedFile[]): void {
  for (const file of bundleFiles(files)) {
    const url = URL.createObjectURL(new Blob([file.content], { type: mimeTypeOf(file.name) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name.replace(/[/\\]/g, '_');
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started reading the Blob by the next task; a minute is generous.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

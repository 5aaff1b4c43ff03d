// An export of several files (Markdown and the SVG charts it links to, CSV with its series, one
// .hlog per run) as one download: a browser gives no folder to write into, and a page that starts
// a dozen downloads at once gets all but the first blocked. A .zip keeps the files exactly as
// `journal export` writes them, so the Markdown's relative links work once it is unpacked.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportedFile } from '../../../common/labApi.ts';

export interface Download {
  name: string;
  content: string | Uint8Array<ArrayBuffer>;
}

/** One file as it is; several as `<stem of the first>.zip` holding a folder of that name. */
export function bundleFiles(files: readonly ExportedFile[]): Download[] {
  const first = files[0];
  if (first === undefined || files.length === 1) return files.map((file) => ({ name: file.name, content: file.content }));
  const stem = first.name.replace(/\.[^.]*$/, '') || 'loadlab-export';
  const entries: Zippable = {};
  for (const file of files) entries[`${stem}/${file.name.replace(/[/\\]/g, '_')}`] = strToU8(file.content);
  // A copy typed over a plain ArrayBuffer, as Blob wants (a few hundred KB at most).
  return [{ name: `${stem}.zip`, content: Uint8Array.from(zipSync(entries, { level: 6 })) }];
}

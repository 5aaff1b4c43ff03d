// The unsaved runs the page shows, from run.saveFailed (one run) and run.unsavedChanged / run.unsaved
// (the whole list). Pure.
import type { UnsavedRun } from '../../../common/labApi.ts';

/** Adds the run, or replaces the entry with the same record id (a later failure's reason wins). */
export function withUnsavedRun(list: readonly UnsavedRun[], run: UnsavedRun): UnsavedRun[] {
  const index = list.findIndex((kept) => kept.header.id === run.header.id);
  return index === -1 ? [...list, run] : list.map((kept, at) => (at === index ? run : kept));
}

/** The file name a downloaded record gets: its id, made safe, as the fallback file is named. */
export function unsavedRecordFileName(id: string): string {
  const stem = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return `${stem === '' ? 'run' : stem}.json`;
}

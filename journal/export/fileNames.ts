// File names for exported files: from run ids (which imports may fill with anything), safe on
// every file system, and unique within one export.

const MAX_STEM_CHARS = 80;

/** Letters, digits, "-", "_" and "." only; never empty, never starting with a dot. */
export function safeStem(text: string): string {
  const stem = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, MAX_STEM_CHARS);
  return stem === '' ? 'run' : stem;
}

/** One stem per run id, "-2", "-3" … added where two ids make the same stem. */
export function uniqueStems(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = safeStem(id);
    let stem = base;
    for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    used.add(stem.toLowerCase());
    return stem;
  });
}

/** A file an export produces; the caller writes it. */
export interface ExportFile {
  name: string;
  content: string;
}

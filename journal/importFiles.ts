// Import into the journal, shared by `loadlab journal import` and the lab: each file is read on
// its own (one unreadable file does not stop the others), each run put once (the importers give
// deterministic ids, so importing the same file twice adds nothing the second time).
import type { ImportSummary } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import { ImportError } from './import/importError.ts';
import { importText } from './import/importText.ts';
import type { Journal } from './store/journal.ts';

export interface FileToImport {
  /** Shown in errors and kept in each run's source; the format is read from the text, not the name. */
  name: string;
  text: string;
}

export async function importFiles(journal: Journal, files: readonly FileToImport[], importedAt: string): Promise<ImportSummary> {
  const summary: ImportSummary = { added: [], existing: [], errors: [], warnings: [] };
  for (const file of files) {
    let result;
    try {
      result = importText(file.text, { fileName: file.name, importedAt });
    } catch (error) {
      summary.errors.push({ file: file.name, message: error instanceof ImportError || error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const warning of result.warnings) summary.warnings.push({ file: file.name, message: warning });
    for (const run of result.runs) {
      if ((await journal.put(run)) === 'added') summary.added.push(runHeaderOf(run));
      else summary.existing.push(run.id);
    }
  }
  return summary;
}

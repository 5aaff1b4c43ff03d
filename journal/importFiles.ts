// Import into the journal, shared by `loadlab journal import` and the lab: per file and per run.
// Each file is read on its own (one unreadable file does not stop the others) and each run is
// added, found already there, or refused with its reason (an invalid id, a corrupt histogram, a
// failed write such as ENOSPC): one bad run never stops the others, and every run is reported.
// The importers give deterministic ids, so importing the same file twice adds nothing the second
// time, and of two imports at once each run is reported added by one of them (Journal.put).
import type { ImportSummary } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { histogramProblem } from './histogramCheck.ts';
import { importTextSteps } from './import/importText.ts';
import { IMPORT_SLICE_MS, runStepsSliced } from './import/steps.ts';
import type { Journal } from './store/journal.ts';

export interface FileToImport {
  /** Shown in errors and kept in each run's source; the format is read from the text, not the name. */
  name: string;
  text: string;
}

/** The largest file an import reads (as the lab API's limit on a file's text). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export function emptyImportSummary(): ImportSummary {
  return { added: [], existing: [], refused: [], errors: [], warnings: [] };
}

/** Lets other work (other clients of the lab) run between files and runs of a long import. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Imports one file into `summary`; never throws for what is in the file or for a failed write. */
export async function importFile(journal: Journal, file: FileToImport, importedAt: string, summary: ImportSummary): Promise<void> {
  let result;
  try {
    result = await runStepsSliced(importTextSteps(file.text, { fileName: file.name, importedAt }));
  } catch (error) {
    summary.errors.push({ file: file.name, message: errorMessage(error) });
    return;
  }
  for (const warning of result.warnings) summary.warnings.push({ file: file.name, message: warning });
  for (const refused of result.refused) summary.refused.push({ file: file.name, ...refused });
  let sliceStart = performance.now();
  for (const run of result.runs) {
    const problem = histogramProblem(run);
    if (problem !== null) {
      summary.refused.push({ file: file.name, runId: run.id, message: problem });
      continue;
    }
    try {
      if ((await journal.put(run)) === 'added') summary.added.push(runHeaderOf(run));
      else summary.existing.push(run.id);
    } catch (error) {
      summary.refused.push({ file: file.name, runId: run.id, message: errorMessage(error) });
    }
    if (performance.now() - sliceStart >= IMPORT_SLICE_MS) {
      await breathe();
      sliceStart = performance.now();
    }
  }
}

export async function importFiles(journal: Journal, files: readonly FileToImport[], importedAt: string): Promise<ImportSummary> {
  const summary = emptyImportSummary();
  for (const file of files) {
    await importFile(journal, file, importedAt, summary);
    await breathe();
  }
  return summary;
}

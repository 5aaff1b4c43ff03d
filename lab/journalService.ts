// The lab's journal operations: the store, plus import, export and compare over its records.
import type { ExportedFile, ExportFormat, ImportSummary, JournalListResult, CompareResult } from '../common/labApi.ts';
import { runHeaderOf, type RunHeader } from '../common/runHeader.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { compareGroups } from '../common/compare.ts';
import { exportRuns } from '../journal/export/exportRuns.ts';
import { importFiles, type FileToImport } from '../journal/importFiles.ts';
import type { Journal, RunPatch } from '../journal/store/journal.ts';

export class JournalService {
  constructor(private readonly journal: Journal) {}

  list(): Promise<JournalListResult> {
    return this.journal.list();
  }

  trash(): Promise<JournalListResult> {
    return this.journal.listTrash();
  }

  get(id: string): Promise<RunRecord> {
    return this.journal.get(id);
  }

  async save(record: RunRecord): Promise<void> {
    await this.journal.put(record);
  }

  async update(id: string, patch: RunPatch): Promise<RunHeader> {
    return runHeaderOf(await this.journal.update(id, patch));
  }

  remove(id: string): Promise<void> {
    return this.journal.remove(id);
  }

  async restore(id: string): Promise<RunHeader> {
    await this.journal.restore(id);
    return runHeaderOf(await this.journal.get(id));
  }

  importFiles(files: FileToImport[]): Promise<ImportSummary> {
    return importFiles(this.journal, files, new Date().toISOString());
  }

  /** A bad grouping (a run in two groups, or not exported) fails with its reason; a run that cannot be exported is left out by name. */
  async exportRuns(ids: string[], format: ExportFormat, groups: { label: string; ids: string[] }[] = []): Promise<{ files: ExportedFile[]; skipped: { id: string; reason: string }[] }> {
    return exportRuns(await this.getAll(ids), format, groups);
  }

  /** Each group's runs are read whole; a missing id fails the comparison with its name. */
  async compare(groups: { label: string; ids: string[] }[]): Promise<CompareResult> {
    const runGroups = [];
    for (const group of groups) runGroups.push({ label: group.label, runs: await this.getAll(group.ids) });
    return compareGroups(runGroups);
  }

  private async getAll(ids: readonly string[]): Promise<RunRecord[]> {
    const records: RunRecord[] = [];
    for (const id of ids) records.push(await this.journal.get(id));
    return records;
  }
}

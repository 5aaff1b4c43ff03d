// The lab's journal operations: the store, plus import, export and compare over its records.
import type { ExportedFile, ExportFormat, ImportSummary, JournalListResult, CompareResult } from '../common/labApi.ts';
import { runHeaderOf, type RunHeader } from '../common/runHeader.ts';
import type { RunRecord } from '../common/runRecord.ts';
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

  async importFiles(files: { name: string; text: string }[]): Promise<ImportSummary> {
    void files;
    return { added: [], existing: [], errors: [], warnings: [] };
  }

  async exportRuns(ids: string[], format: ExportFormat): Promise<{ files: ExportedFile[] }> {
    void ids;
    void format;
    return { files: [] };
  }

  async compare(groups: { label: string; ids: string[] }[]): Promise<CompareResult> {
    void groups;
    return { groups: [], rows: [] };
  }
}

// Finished runs the journal did not take, kept whole in memory until a retry saves them or a
// person discards them: a failed save never throws a measurement away. Each also gets a fallback
// file (journal/store/fallbackRecord.ts) at the moment the save fails, so a lab that is closed
// meanwhile still leaves the record on disk.
import { LabError, type UnsavedRun } from '../common/labApi.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { runHeaderOf, type RunHeader } from '../common/runHeader.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { writeFallbackRecord } from '../journal/store/fallbackRecord.ts';

interface Kept {
  info: UnsavedRun;
  record: MeasuredRunRecord;
}

export class UnsavedRuns {
  /** By record id, oldest first. */
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly save: (record: MeasuredRunRecord) => Promise<void>,
    /** Folders for the fallback file, in order; undefined: the default ones. */
    private readonly fallbackDirs?: readonly string[],
  ) {}

  list(): UnsavedRun[] {
    return [...this.kept.values()].map((kept) => kept.info);
  }

  /** Keeps a record whose save failed, and writes its fallback file. */
  async keep(runId: string, record: MeasuredRunRecord, saveError: unknown): Promise<UnsavedRun> {
    let fallbackPath: string | null = null;
    let fallbackError: string | null = null;
    try {
      fallbackPath = await writeFallbackRecord(record, this.fallbackDirs);
    } catch (error) {
      fallbackError = errorMessage(error);
    }
    const info: UnsavedRun = { runId, header: runHeaderOf(record), reason: errorMessage(saveError), fallbackPath, fallbackError };
    this.kept.set(record.id, { info, record });
    return info;
  }

  record(id: string): MeasuredRunRecord {
    return this.get(id).record;
  }

  /** Saves it now; it stays kept (with the new reason) when the journal still refuses. */
  async retry(id: string): Promise<RunHeader> {
    const kept = this.get(id);
    try {
      await this.save(kept.record);
    } catch (error) {
      kept.info = { ...kept.info, reason: errorMessage(error) };
      throw new LabError('failed', `run ${id} is still not saved: ${kept.info.reason}`);
    }
    this.kept.delete(id);
    return kept.info.header;
  }

  discard(id: string): void {
    this.get(id);
    this.kept.delete(id);
  }

  private get(id: string): Kept {
    const kept = this.kept.get(id);
    if (kept === undefined) throw new LabError('not-found', `no unsaved run ${id}`);
    return kept;
  }
}

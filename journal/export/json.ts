// JSON export: the records themselves, an array, pretty-printed. Reading it back with
// runRecordSchema gives the same records.
import type { RunRecord } from '../../common/runRecord.ts';

export function exportJson(records: readonly RunRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

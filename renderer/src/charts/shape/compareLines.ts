// Runs overlaid on one time axis: each run's per-interval values under its own key.
import type { RunRecord } from '../../../../common/runRecord.ts';
import { mergeByX, type MergedRow } from './mergeByX.ts';
import { recordRows, type TimeRow } from './timeRows.ts';

export interface KeyedRecord {
  key: string;
  record: Pick<RunRecord, 'series' | 'load'>;
}

/** One row per distinct interval end (s since each run's start), one column per run. */
export function compareTimeRows(runs: readonly KeyedRecord[], metric: keyof Omit<TimeRow, 'tS'>): MergedRow[] {
  return mergeByX(runs.map(({ key, record }) => ({ key, points: recordRows(record).map((row) => ({ x: row.tS, y: row[metric] })) })));
}

// Loadlab's own run records (loadlab.run/1), one or an array, read back as they are. A record
// keeps its id (it is already the run's identity) and its source if it has one.
import type { z } from 'zod';
import { RUN_SCHEMA, runRecordSchema, type RunRecord } from '../../common/runRecord.ts';
import { ReportError } from './importError.ts';
import type { ImportStamp } from './runDraft.ts';
import type { Steps } from './steps.ts';

/** True for a record or an array of records (by their "schema" field). */
export function looksLikeLoadlab(value: unknown): boolean {
  const isRecord = (item: unknown): boolean => typeof item === 'object' && item !== null && 'schema' in item && typeof item.schema === 'string' && item.schema.startsWith('loadlab.run/');
  return Array.isArray(value) ? value.length > 0 && value.every(isRecord) : isRecord(value);
}

/** "runs[2].summary.latencyUs.p99"-style: where in the JSON the first problem is. */
function issueText(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const parts = (issue?.path ?? []).map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`));
  const where = `${prefix}${parts.join('')}`.replace(/^\./, '') || 'the top level';
  return `not a valid Loadlab run record (${RUN_SCHEMA}) at ${where}: ${issue?.message ?? 'invalid'}`;
}

/** A record of a batch that could not be taken; the others are. */
export interface RefusedRun {
  /** The record's id when it has a readable one. */
  runId: string | null;
  message: string;
}

/**
 * One record (a problem refuses the file: ReportError) or an array, taken record by record: an
 * invalid one is refused with where its problem is, and the rest are read.
 */
export function* loadlabRecords(value: unknown, text: string, stamp: ImportStamp): Steps<{ runs: RunRecord[]; refused: RefusedRun[] }> {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const runs: RunRecord[] = [];
  const refused: RefusedRun[] = [];
  for (const [index, item] of items.entries()) {
    yield;
    const parsed = runRecordSchema.safeParse(item);
    if (!parsed.success) {
      const message = issueText(parsed.error, Array.isArray(value) ? `[${index}]` : '');
      if (!Array.isArray(value)) throw new ReportError(null, message);
      refused.push({ runId: idOf(item), message });
      continue;
    }
    const record = parsed.data;
    if (record.source) {
      runs.push(record);
      continue;
    }
    const ownText = Array.isArray(value) ? JSON.stringify(item, null, 2) : text;
    runs.push({ ...record, source: { tool: 'loadlab', text: ownText, file: stamp.fileName, importedAt: stamp.importedAt } });
  }
  return { runs, refused };
}

function idOf(item: unknown): string | null {
  return typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : null;
}

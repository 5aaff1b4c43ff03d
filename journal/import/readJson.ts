// A JSON file: autocannon's result or Loadlab's own records.
import type { RunRecord } from '../../common/runRecord.ts';
import { autocannonDraft, autocannonResultSchema, looksLikeAutocannon } from './autocannonRun.ts';
import { ReportError, type Diagnostics } from './importError.ts';
import { loadlabRecords, looksLikeLoadlab, type RefusedRun } from './loadlabRecords.ts';
import { defaultTitle, finishRun, type ImportStamp } from './runDraft.ts';
import type { Steps } from './steps.ts';
import { errorMessage } from '../../common/errorMessage.ts';

export type JsonFormat = 'autocannon' | 'loadlab';

/** The 1-based line of a JSON.parse error's "position N", when the message has one. */
function errorLine(text: string, message: string): number | null {
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  return text.slice(0, Number(position[1])).split('\n').length;
}

/** The parsed value, or undefined when the text is not JSON. */
export function parseJson(text: string): { value: unknown } | { error: ReportError } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = errorMessage(error);
    return { error: new ReportError(errorLine(text, message), `not valid JSON (${message})`) };
  }
}

export function* readJson(value: unknown, text: string, diagnostics: Diagnostics, stamp: ImportStamp): Steps<{ format: JsonFormat; runs: RunRecord[]; refused?: RefusedRun[] }> {
  if (looksLikeLoadlab(value)) return { format: 'loadlab', ...(yield* loadlabRecords(value, text, stamp)) };
  if (looksLikeAutocannon(value)) {
    const parsed = autocannonResultSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReportError(null, `autocannon result with an invalid ${issue?.path.join('.') ?? 'shape'}: ${issue?.message ?? ''}`);
    }
    const draft = autocannonDraft(parsed.data, null, text, diagnostics, 1);
    return { format: 'autocannon', runs: [finishRun(draft, { ordinal: 1, title: defaultTitle(draft), notes: '', date: null }, stamp)] };
  }
  throw new ReportError(1, 'JSON that is neither an autocannon result (--json) nor a Loadlab run record');
}

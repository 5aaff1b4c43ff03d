// The Repeat box → the lab's repeat.start parameters: the run form's run, N times; with the
// built-in server as target and other models ticked, alternated across the server panel's model
// and those (A B A B). Null when the box asks for one run (an ordinary run).
import type { z } from 'zod';
import type { repeatStartParamsSchema } from '../../../common/labApi.ts';
import type { ServerModel } from '../../../common/serverTelemetry.ts';
import { parseMetric, type LoadDraft } from './draft.ts';
import { toRunParams, type FieldProblem } from './toRunParams.ts';

export type RepeatParams = z.output<typeof repeatStartParamsSchema>;

export type RepeatFormResult = { ok: true; params: RepeatParams } | { ok: false; problems: FieldProblem[] };

/** The lab's bound (common/labApi.ts repeatStartParamsSchema). */
export const MAX_REPEATS = 50;

/** How many runs the box asks for; null when it is not a whole number from 1 to MAX_REPEATS. */
export function repeatCount(draft: LoadDraft): number | null {
  const value = parseMetric(draft.repeat);
  return value !== null && Number.isInteger(value) && value >= 1 && value <= MAX_REPEATS ? value : null;
}

/** `serverModel`: the server panel's model (the first configuration when models alternate). */
export function toRepeatParams(draft: LoadDraft, serverModel: ServerModel): RepeatFormResult | null {
  const repeats = repeatCount(draft);
  if (repeats === null) return { ok: false, problems: [{ field: 'repeat', message: `Repeat: a whole number from 1 to ${MAX_REPEATS}` }] };
  if (repeats === 1) return null;
  if (draft.mode !== 'rate' && draft.mode !== 'max') return { ok: false, problems: [{ field: 'repeat', message: 'Repeat: rate or max mode runs only (set it to 1 for this mode)' }] };
  const run = toRunParams(draft);
  if (!run.ok) return run;
  const others = draft.targetKind === 'builtin' ? draft.repeatWith.filter((model) => model !== serverModel) : [];
  const models = others.length === 0 ? [] : [serverModel, ...new Set(others)];
  return { ok: true, params: { ...run.params, repeats, models } };
}

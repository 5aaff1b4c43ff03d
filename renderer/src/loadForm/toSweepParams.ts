// The form's text fields in Sweep mode → the lab's sweep.start parameters, every problem named
// by its field. The target, threads, connections, timeout and keep-alive are the run form's.
import type { z } from 'zod';
import { sweepStartParamsSchema } from '../../../common/labApi.ts';
import { parseDurationMs } from '../../../common/units.ts';
import { parseMetric, type LoadDraft } from './draft.ts';
import { toRunParams, type FieldProblem } from './toRunParams.ts';

export type SweepParams = z.output<typeof sweepStartParamsSchema>;

export type SweepFormResult = { ok: true; params: SweepParams } | { ok: false; problems: FieldProblem[] };

export function toSweepParams(draft: LoadDraft): SweepFormResult {
  // The shared fields, checked as a constant-rate run at the first rate would be.
  const base = toRunParams({ ...draft, mode: 'rate', rate: '1', duration: draft.stepDuration });
  const problems: FieldProblem[] = base.ok ? [] : base.problems.map((problem) => (problem.field === 'duration' ? { field: 'stepDuration', message: problem.message.replace(/^Duration/, 'Step duration') } : problem));
  const number = (field: keyof LoadDraft, label: string, whole: boolean, min: number): number => {
    const value = parseMetric(String(draft[field]));
    if (value === null || value < min || (whole && !Number.isInteger(value))) {
      problems.push({ field, message: `${label}: ${whole ? 'a whole number' : 'a number'} of at least ${min}` });
      return min;
    }
    return value;
  };
  let rates: SweepParams['rates'];
  if (draft.sweepRates.trim() !== '') {
    const listed = draft.sweepRates.split(',').map((text) => parseMetric(text));
    const bad = listed.findIndex((rate) => rate === null || !(rate > 0));
    if (bad !== -1) problems.push({ field: 'sweepRates', message: `Rates: "${draft.sweepRates.split(',')[bad]?.trim() ?? ''}" is not a rate such as 500 or 2k` });
    else if (listed.some((rate, i) => i > 0 && (rate ?? 0) <= (listed[i - 1] ?? 0))) problems.push({ field: 'sweepRates', message: 'Rates: each must be higher than the one before' });
    rates = listed.map((rate) => rate ?? 1);
  } else {
    const from = number('sweepFrom', 'From', false, 1);
    const to = number('sweepTo', 'To', false, 1);
    const steps = number('sweepSteps', 'Steps', true, 2);
    if (to <= from) problems.push({ field: 'sweepTo', message: 'To: above From' });
    rates = { from, to, steps };
  }
  const stepDurationMs = base.ok ? base.params.durationMs : 1000;
  let warmupMs: number | null = null;
  if (draft.warmup.trim() !== '') {
    warmupMs = parseDurationMs(draft.warmup);
    if (warmupMs === null) problems.push({ field: 'warmup', message: 'Warm-up: a duration such as 2s, or empty for none' });
  }
  const refineSteps = number('refine', 'Refine', true, 0);
  if (!base.ok || problems.length > 0) return { ok: false, problems };

  const { params } = base;
  const parsed = sweepStartParamsSchema.safeParse({
    target: params.target,
    threads: params.threads,
    connections: params.connections,
    rates,
    stepDurationMs,
    warmupMs,
    refineSteps,
    slo: draft.slo.trim() === '' ? null : draft.slo.trim(),
    timeoutMs: params.timeoutMs,
    keepAlive: params.keepAlive,
    ...(params.title === undefined ? {} : { title: params.title }),
    ...(params.tags === undefined ? {} : { tags: params.tags }),
  });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ field: null, message: `${issue.path.join('.')}: ${issue.message}` })) };
  return { ok: true, params: parsed.data };
}

// An experiment: one journal entry that holds runs made together — a rate sweep's steps, or
// repeated runs of several targets. The runs stay ordinary run records in runs/ (each can be
// opened, compared and exported); this document says how they belong together and what the
// experiment concluded when it ran. Figures are never copied here: pages and exports compute
// them from the runs, so the record stays the single source of truth.
import { z } from 'zod';

export const EXPERIMENT_SCHEMA = 'loadlab.experiment/1';

const sweepStepSchema = z.object({
  runId: z.string(),
  targetPerSec: z.number().positive(),
  /** 'refine': a bisection step added after the sweep. */
  kind: z.enum(['step', 'refine']),
});

export const sweepPlanRecordSchema = z.object({
  url: z.string(),
  threads: z.number().int().positive(),
  connections: z.number().int().positive(),
  stepDurationMs: z.number().int().positive(),
  warmupMs: z.number().int().positive().nullable(),
  /** The rates planned, in order; steps past the point where the server gave out were not run. */
  plannedRatesPerSec: z.array(z.number().positive()),
  refineSteps: z.number().int().nonnegative(),
  /** The `--slo` text, or null without one. */
  slo: z.string().nullable(),
  errorLimitPct: z.number().nonnegative(),
});

export const experimentRecordSchema = z.object({
  schema: z.literal(EXPERIMENT_SCHEMA),
  id: z.string(),
  kind: z.literal('sweep'),
  title: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
  plan: sweepPlanRecordSchema,
  /** In the order they ran. */
  steps: z.array(sweepStepSchema),
  /** Why the sweep ended before its last planned rate; null when it ran them all. */
  endedEarly: z.enum(['gave-out', 'stopped']).nullable(),
  /** What the knee rule said when the sweep ended (recomputed from the runs when shown). */
  kneePerSec: z.number().positive().nullable(),
  kneeSummary: z.string(),
});
export type ExperimentRecord = z.infer<typeof experimentRecordSchema>;
export type SweepPlanRecord = z.infer<typeof sweepPlanRecordSchema>;

// ---- Repeats (the Lab's Repeat box) ----

/**
 * Repeated runs of one or several configurations, alternated A B A B. `groups` names each
 * configuration ("event-loop", or the run's own label when there is one); every run names its
 * group by index. Stored in the same experiments/ folder as sweeps, told apart by `kind`.
 */
export const repeatExperimentRecordSchema = z.object({
  schema: z.literal(EXPERIMENT_SCHEMA),
  id: z.string(),
  kind: z.literal('repeat'),
  title: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
  plan: z.object({
    /** The target as it reads in titles: a URL, or "built-in <path>". */
    url: z.string(),
    mode: z.enum(['rate', 'max']),
    repeats: z.number().int().positive(),
    /** One label per configuration, in the order they alternate; the first is Compare's baseline. */
    groups: z.array(z.string()).min(1),
  }),
  /** In the order they ran. */
  runs: z.array(z.object({ runId: z.string(), group: z.number().int().nonnegative() })),
  /** 'stopped': the person stopped the repeats before the last run; null when all ran. */
  endedEarly: z.enum(['stopped']).nullable(),
});
export type RepeatExperimentRecord = z.infer<typeof repeatExperimentRecordSchema>;

/** Any experiment file: a sweep or a repeat. */
export const anyExperimentRecordSchema = z.discriminatedUnion('kind', [experimentRecordSchema, repeatExperimentRecordSchema]);
export type AnyExperimentRecord = z.infer<typeof anyExperimentRecordSchema>;

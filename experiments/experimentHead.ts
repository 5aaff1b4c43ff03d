// The fields every journal experiment (a sweep, repeats) opens with, from its first and last runs.
import { EXPERIMENT_SCHEMA, type AnyExperimentRecord } from '../common/experimentRecord.ts';
import type { RunRecord } from '../common/runRecord.ts';

export interface ExperimentHeadFacts {
  title: string;
  notes: string;
  tags: string[];
}

export type ExperimentHead<K extends AnyExperimentRecord['kind']> = Pick<AnyExperimentRecord, 'schema' | 'id' | 'title' | 'notes' | 'tags' | 'startedAt' | 'finishedAt'> & { kind: K };

/**
 * Schema, id (the first run's id and `-<kind>`), kind, the person's facts, and the span from the
 * first run's start to the last run's finish (now where a run's instant is unknown).
 */
export function experimentHead<K extends AnyExperimentRecord['kind']>(kind: K, first: RunRecord, last: RunRecord, facts: ExperimentHeadFacts): ExperimentHead<K> {
  return {
    schema: EXPERIMENT_SCHEMA,
    id: `${first.id}-${kind}`,
    kind,
    title: facts.title,
    notes: facts.notes,
    tags: facts.tags,
    startedAt: first.startedAt ?? new Date().toISOString(),
    finishedAt: last.finishedAt ?? new Date().toISOString(),
  };
}

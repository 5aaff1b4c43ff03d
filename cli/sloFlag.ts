// `--slo` on the commands that measure: parsed before any load, judged on the record after.
import { parseSlo, type Threshold } from '../common/slo.ts';
import type { SloVerdict } from '../experiments/stepOutcome.ts';
import { UsageError } from './numbers.ts';

/** Exit status when a run crossed a --slo threshold: apart from errors (1) and bad flags (2). */
export const EXIT_SLO_FAILED = 3;

export function parseSloFlag(text: string | undefined): Threshold[] | null {
  if (text === undefined) return null;
  const parsed = parseSlo(text);
  if (typeof parsed === 'string') throw new UsageError(`--slo: ${parsed}`);
  return parsed;
}

/** Under the report: "SLO passed", or "SLO failed:" and each crossed threshold by how much. */
export function sloLines(verdict: SloVerdict): string {
  if (verdict.passed) return 'SLO passed\n';
  return `SLO failed:\n${verdict.failed.map((text) => `  ${text}\n`).join('')}`;
}

// A zod failure on a run record as one line a person can act on.
import type { z } from 'zod';

const SHOWN_ISSUES = 3;

export function describeRecordProblem(error: z.ZodError): string {
  const issues = error.issues.slice(0, SHOWN_ISSUES).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${issue.message}`);
  const more = error.issues.length > SHOWN_ISSUES ? ` (and ${error.issues.length - SHOWN_ISSUES} more)` : '';
  return `not a Loadlab run record: ${issues.join('; ')}${more}`;
}

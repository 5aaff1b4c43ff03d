// A zod failure on a run record as one line a person can act on.
import type { z } from 'zod';
import { describeZodIssues } from '../../common/zodIssues.ts';

const SHOWN_ISSUES = 3;

export function describeRecordProblem(error: z.ZodError): string {
  const issues = describeZodIssues(error, { wholeValue: '(record)', limit: SHOWN_ISSUES });
  const more = error.issues.length > SHOWN_ISSUES ? ` (and ${error.issues.length - SHOWN_ISSUES} more)` : '';
  return `not a Loadlab run record: ${issues.join('; ')}${more}`;
}

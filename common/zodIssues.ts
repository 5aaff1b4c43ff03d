// Zod validation failures as lines a person can act on: "connections: must be at least 1".
import type { z } from 'zod';

export interface IssueLineOptions {
  /** Names an issue on the whole value (empty path), e.g. "(record)"; without it such a line is the bare message. */
  wholeValue?: string;
  /** Keep only the first this many issues. */
  limit?: number;
}

/** One line per issue, "path.to.field: message". */
export function describeZodIssues(error: z.ZodError, options: IssueLineOptions = {}): string[] {
  const issues = options.limit === undefined ? error.issues : error.issues.slice(0, options.limit);
  return issues.map((issue) => {
    if (issue.path.length > 0) return `${issue.path.join('.')}: ${issue.message}`;
    return options.wholeValue === undefined ? issue.message : `${options.wholeValue}: ${issue.message}`;
  });
}

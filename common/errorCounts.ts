// Zero error counts, in a module of their own so that the load threads, which count errors, do
// not load (and build) every zod schema of runRecord.ts at start-up.
import type { ErrorCounts } from './runRecord.ts';

/** No errors of any kind yet (`tls` stays absent until a TLS failure is counted). */
export function emptyErrorCounts(): ErrorCounts {
  return { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };
}

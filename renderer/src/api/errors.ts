// Errors of the connection itself, apart from the lab's own LabError (code + message).

/** The transport failed: no connection, or it dropped before an answer came. */
export class LabConnectionError extends Error {
  override name = 'LabConnectionError';
}

/** A WebSocket close code and reason in words a person can act on. */
export function describeClose(code: number, reason: string): string {
  switch (code) {
    case 1000:
    case 1001:
      return reason || 'loadlab web closed the connection';
    case 1006:
      return 'the connection broke; is loadlab web still running?';
    case 1009:
      return 'a message was larger than loadlab web accepts (64 MiB)';
    default:
      return `code ${code}${reason ? `: ${reason}` : ''}`;
  }
}

// Why a connection could not be opened, from the socket error's code. The load worker counts
// connect errors by these causes (summary.connectErrorCauses), the lab's check before a run uses
// the same mapping, and the run page names the dominant one instead of a bare count.
//
// No zod here: load threads import this file, and a thread's start should not pay for zod (the
// record's schema of these counts, connectErrorCausesSchema, is in runRecord.ts).

export interface ConnectErrorCauses {
  /** ECONNREFUSED: nothing listens on the port (or a firewall rejects). */
  refused: number;
  /** ECONNRESET / EPIPE while connecting, or the server closed before the connection was up. */
  reset: number;
  /** No answer within the run's timeout (or ETIMEDOUT). */
  timeout: number;
  /** ENOTFOUND / EAI_*: the host name does not resolve. */
  notResolved: number;
  other: number;
}
export type ConnectCause = keyof ConnectErrorCauses;

export function emptyConnectCauses(): ConnectErrorCauses {
  return { refused: 0, reset: 0, timeout: 0, notResolved: 0, other: 0 };
}

export function connectCauseOf(code: string | undefined): ConnectCause {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return 'notResolved';
    default:
      return 'other';
  }
}

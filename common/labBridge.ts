// A lab call's outcome as data, and what the Electron preload puts on `window.loadlab`. Errors
// cannot cross contextBridge with their code (only the message survives), so the bridge's `call`
// resolves with an outcome and the renderer turns a failed one into a LabError, exactly as it
// does with the WebSocket host's results (which carry the same outcome plus an id).
import { LabError, type LabErrorPayload, type LabEventName, type LabEvents, type LabMethod, type LabParams, type LabResults } from './labApi.ts';
import { errorMessage } from './errorMessage.ts';

export type LabOutcome<M extends LabMethod = LabMethod> = { ok: true; result: LabResults[M] } | { ok: false; error: LabErrorPayload };

export interface LabBridge {
  call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabOutcome<M>>;
  /** Returns a function that unsubscribes. The listener gets the payload only. */
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
}

/** Runs a lab call and never throws: a LabError keeps its code, any other failure is 'failed'. */
export async function settleLabCall<M extends LabMethod>(method: M, run: () => Promise<LabResults[M]>): Promise<LabOutcome<M>> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    if (error instanceof LabError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'failed', message: `${method}: ${errorMessage(error)}` } };
  }
}

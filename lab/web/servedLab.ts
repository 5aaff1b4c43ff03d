// What a transport needs from the lab: calls and events. The lab's own `close` stays with
// whoever created it (the CLI command or Electron main), not with the transport.
import type { LabEventName, LabEvents, LabMethod, LabResults } from '../../common/labApi.ts';

export interface ServedLab {
  /** Validates `params` itself (LabError 'bad-params'); every failure is a LabError. */
  call<M extends LabMethod>(method: M, params: unknown): Promise<LabResults[M]>;
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
}

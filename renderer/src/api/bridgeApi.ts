// The Electron preload's bridge as a LabApi: a failed outcome becomes the same LabError the
// WebSocket client throws, so views never learn which transport they have.
import { LabError, type LabApi, type LabEventName, type LabEvents, type LabMethod, type LabParams, type LabResults } from '../../../common/labApi.ts';
import type { LabBridge } from '../../../common/labBridge.ts';

export function fromBridge(bridge: LabBridge): LabApi {
  return {
    async call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabResults[M]> {
      const outcome = await bridge.call(method, params);
      if (!outcome.ok) throw new LabError(outcome.error.code, outcome.error.message);
      return outcome.result;
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void {
      return bridge.on(event, listener);
    },
  };
}

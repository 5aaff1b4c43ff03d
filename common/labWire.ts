// The lab API on a message channel (WebSocket in `loadlab web`): calls carry an id, results
// answer it, events are pushed. Electron does not need this (ipcMain.handle pairs calls itself)
// but sends events in the same { event, payload } shape.
import { z } from 'zod';
import type { LabErrorPayload, LabEventName, LabEvents, LabMethod, LabResults } from './labApi.ts';

/** Client → host. `params` is validated by the host with the method's schema. */
export const wireCallSchema = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type WireCall = z.infer<typeof wireCallSchema>;

export type WireResult<M extends LabMethod = LabMethod> =
  | { type: 'result'; id: number; ok: true; result: LabResults[M] }
  | { type: 'result'; id: number; ok: false; error: LabErrorPayload };

export interface WireEvent<E extends LabEventName = LabEventName> {
  type: 'event';
  event: E;
  payload: LabEvents[E];
}

export type HostToClient = WireResult | WireEvent;

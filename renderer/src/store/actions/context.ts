// What every action gets: the lab and the store. `attempt` runs a call and files its error under
// the place it belongs to (cleared when the call succeeds).
import type { LabApi } from '../../../../common/labApi.ts';
import type { StoreApi } from 'zustand/vanilla';
import type { LabState, Place } from '../state.ts';
import { errorMessage } from '../../../../common/errorMessage.ts';

export interface ActionContext {
  api: LabApi;
  store: StoreApi<LabState>;
}


export function setError(ctx: ActionContext, place: Place, message: string | null): void {
  ctx.store.setState((state) => {
    const errors = Object.fromEntries(Object.entries(state.errors).filter(([key]) => key !== place));
    return { errors: message === null ? errors : { ...errors, [place]: message } };
  });
}

/** Runs `work`; on failure files the message under `place` and resolves to null. */
export async function attempt<T>(ctx: ActionContext, place: Place, work: () => Promise<T>): Promise<T | null> {
  try {
    const result = await work();
    if (ctx.store.getState().errors[place] !== undefined) setError(ctx, place, null);
    return result;
  } catch (error) {
    setError(ctx, place, errorMessage(error));
    return null;
  }
}

export function setBusy(ctx: ActionContext, key: keyof LabState['busy'], busy: boolean): void {
  ctx.store.setState((state) => ({ busy: { ...state.busy, [key]: busy } }));
}

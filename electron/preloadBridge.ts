// What the preload exposes, built from an injected ipcRenderer so it is tested without Electron:
// `call` for contract methods only, `on` for contract events only, listeners get the payload and
// never Electron's event object (which would hand the page `sender` and more).
import type { LabEventName, LabEvents, LabMethod, LabParams } from '../common/labApi.ts';
import type { LabBridge, LabOutcome } from '../common/labBridge.ts';
import { isLabEventName, isLabMethodName } from '../common/labNames.ts';
import type { InvokeArgs, InvokeChannel, InvokeResult, SendArgs, SendChannel } from './ipcChannels.ts';

/** The part of ipcRenderer the bridge uses, typed by the channel maps. */
export interface PreloadIpc {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  on<C extends SendChannel>(channel: C, listener: (event: unknown, ...args: SendArgs<C>) => void): void;
}

type Listener = (payload: never) => void;

export function createLabBridge(ipc: PreloadIpc, reportError: (error: unknown) => void = console.error): LabBridge {
  const listeners = new Map<LabEventName, Set<Listener>>();
  let subscribed = false;

  // One IPC listener for all events, installed on first use, so many subscriptions do not pile
  // listeners onto the channel.
  function subscribeOnce(): void {
    if (subscribed) return;
    subscribed = true;
    ipc.on('lab:event', (_event, name, payload) => {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (payload: unknown) => void)(payload);
        } catch (error) {
          reportError(error);
        }
      }
    });
  }

  return {
    call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabOutcome<M>> {
      if (!isLabMethodName(method)) return Promise.reject(new Error(`window.loadlab.call: unknown method ${JSON.stringify(method)}`));
      return ipc.invoke('lab:call', method, params) as Promise<LabOutcome<M>>;
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void {
      if (!isLabEventName(event)) throw new Error(`window.loadlab.on: unknown event ${JSON.stringify(event)}`);
      if (typeof listener !== 'function') throw new Error('window.loadlab.on: the listener must be a function');
      subscribeOnce();
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  } satisfies LabBridge;
}

import { describe, expect, it } from 'vitest';
import type { LabEventName, LabEvents } from '../common/labApi.ts';
import type { InvokeArgs, InvokeResult, SendArgs } from './ipcChannels.ts';
import { createLabBridge, type PreloadIpc } from './preloadBridge.ts';

/** Stands in for ipcRenderer: records invokes, and lets the test push 'lab:event' messages with an event object. */
function fakeIpc() {
  const invoked: InvokeArgs<'lab:call'>[] = [];
  const channelListeners: ((event: unknown, ...args: SendArgs<'lab:event'>) => void)[] = [];
  const ipc: PreloadIpc = {
    invoke: (_channel, ...args) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, result: { id: 'r1' } } as InvokeResult<'lab:call'>);
    },
    on: (_channel, listener) => {
      channelListeners.push(listener);
    },
  };
  const electronEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
  const push = <E extends LabEventName>(event: E, payload: LabEvents[E]): void => {
    for (const listener of channelListeners) listener(electronEvent, event, payload);
  };
  return { ipc, invoked, channelListeners, push, electronEvent };
}

describe('the preload bridge (window.loadlab)', () => {
  it('has exactly the verbs call and on', () => {
    const bridge = createLabBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('forwards a contract method with its params to lab:call', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createLabBridge(ipc);
    expect(await bridge.call('journal.delete', { id: 'r1' })).toEqual({ ok: true, result: { id: 'r1' } });
    expect(invoked).toEqual([['journal.delete', { id: 'r1' }]]);
  });

  it('refuses a method that is not in the contract, without any IPC', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createLabBridge(ipc);
    const call = bridge.call as (method: string, params: unknown) => Promise<unknown>;
    await expect(call('shell.openExternal', {})).rejects.toThrow('window.loadlab.call: unknown method "shell.openExternal"');
    await expect(call('__proto__', {})).rejects.toThrow(/unknown method/);
    expect(invoked).toEqual([]);
  });

  it('gives listeners the payload only, never the Electron event object', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createLabBridge(ipc);
    const received: unknown[][] = [];
    bridge.on('journal.changed', (...args: unknown[]) => received.push(args));
    push('journal.changed', { reason: 'saved' });
    push('run.failed', { runId: null, message: 'not for this listener' });
    expect(received).toEqual([[{ reason: 'saved' }]]);
  });

  it('unsubscribes, and uses one IPC listener however many subscriptions there are', () => {
    const { ipc, push, channelListeners } = fakeIpc();
    const bridge = createLabBridge(ipc);
    const seen: string[] = [];
    const offs = Array.from({ length: 20 }, (_, index) => bridge.on('journal.changed', () => seen.push(String(index))));
    expect(channelListeners).toHaveLength(1);
    for (const off of offs.slice(1)) off();
    push('journal.changed', { reason: 'saved' });
    expect(seen).toEqual(['0']);
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createLabBridge(fakeIpc().ipc);
    const on = bridge.on as (event: string, listener: unknown) => () => void;
    expect(() => on('ipc.anything', () => undefined)).toThrow('window.loadlab.on: unknown event "ipc.anything"');
    expect(() => on('journal.changed', 'not a function')).toThrow('window.loadlab.on: the listener must be a function');
  });

  it('keeps delivering when a listener throws, and reports it', () => {
    const { ipc, push } = fakeIpc();
    const reported: unknown[] = [];
    const bridge = createLabBridge(ipc, (error) => reported.push(error));
    const seen: string[] = [];
    bridge.on('journal.changed', () => {
      throw new Error('view broke');
    });
    bridge.on('journal.changed', (payload) => seen.push(payload.reason));
    push('journal.changed', { reason: 'deleted' });
    expect(seen).toEqual(['deleted']);
    expect(reported).toEqual([new Error('view broke')]);
  });
});

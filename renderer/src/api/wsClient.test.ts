import { describe, expect, it } from 'vitest';
import { LabError, type AppInfo } from '../../../common/labApi.ts';
import { LabConnectionError } from './errors.ts';
import { fakeSockets, manualTimers } from './testing/fakeSocket.ts';
import { createWsLabClient, reconnectDelayMs } from './wsClient.ts';

const url = 'ws://127.0.0.1:4100/api?token=t0k3n';
const info: AppInfo = { version: '0.1.0', electron: null, node: 'v20.20.2', host: 'web', journalDir: '/j' };

function setUp() {
  const { openSocket, sockets } = fakeSockets();
  const timers = manualTimers();
  const reported: unknown[] = [];
  const client = createWsLabClient({ url, openSocket, timers, reportError: (error) => reported.push(error) });
  const socket = (index = sockets.length - 1) => {
    const found = sockets[index];
    if (found === undefined) throw new Error(`no socket ${index}`);
    return found;
  };
  return { client, sockets, socket, timers, reported };
}

async function connected() {
  const setup = setUp();
  setup.socket().open();
  await setup.client.ready;
  return setup;
}

describe('the WebSocket lab client', () => {
  it('opens the URL and is ready when the socket opens', async () => {
    const { client, socket } = setUp();
    expect(socket().url).toBe(url);
    socket().open();
    await expect(client.ready).resolves.toBeUndefined();
  });

  it('sends a call with an id and resolves it with its result', async () => {
    const { client, socket } = await connected();
    const first = client.call('app.info', {});
    const second = client.call('journal.get', { id: 'r1' });
    expect(socket().sent).toEqual([
      { type: 'call', id: 1, method: 'app.info', params: {} },
      { type: 'call', id: 2, method: 'journal.get', params: { id: 'r1' } },
    ]);
    socket().receive({ type: 'result', id: 2, ok: false, error: { code: 'not-found', message: 'no run r1' } });
    socket().receive({ type: 'result', id: 1, ok: true, result: info });
    expect(await first).toEqual(info);
    const error = await second.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LabError);
    expect(error).toMatchObject({ code: 'not-found', message: 'no run r1' });
  });

  it('dispatches events to the listeners of that event until they unsubscribe', async () => {
    const { client, socket } = await connected();
    const seen: string[] = [];
    const off = client.on('journal.changed', (payload) => seen.push(payload.reason));
    client.on('run.failed', (payload) => seen.push(`failed: ${payload.message}`));
    socket().receive({ type: 'event', event: 'journal.changed', payload: { reason: 'saved' } });
    socket().receive({ type: 'event', event: 'run.failed', payload: { runId: null, message: 'refused' } });
    off();
    socket().receive({ type: 'event', event: 'journal.changed', payload: { reason: 'deleted' } });
    expect(seen).toEqual(['saved', 'failed: refused']);
  });

  it('keeps dispatching when a listener throws, and reports the error', async () => {
    const { client, socket, reported } = await connected();
    const seen: string[] = [];
    client.on('journal.changed', () => {
      throw new Error('listener broke');
    });
    client.on('journal.changed', (payload) => seen.push(payload.reason));
    socket().receive({ type: 'event', event: 'journal.changed', payload: { reason: 'saved' } });
    expect(seen).toEqual(['saved']);
    expect(reported).toEqual([new Error('listener broke')]);
  });

  it('reports messages it cannot read and ignores results nobody waits for', async () => {
    const { socket, reported } = await connected();
    socket().receiveText('not json');
    socket().receive({ type: 'gossip' });
    socket().receive({ type: 'result', id: 99, ok: true, result: null });
    expect(reported.map(String)).toEqual([
      'LabConnectionError: loadlab web sent a message that is not JSON: not json',
      'LabConnectionError: loadlab web sent a message of no known type: {"type":"gossip"}',
    ]);
  });

  it('rejects every waiting call at once when the socket drops, saying why', async () => {
    const { client, socket } = await connected();
    const a = client.call('journal.list', {});
    const b = client.call('journal.import', { files: [{ name: 'big.txt', text: 'x' }] });
    socket().drop(1009);
    await expect(a).rejects.toThrow(new LabConnectionError('journal.list: the connection closed before the answer came (a message was larger than loadlab web accepts (64 MiB)); reconnecting'));
    await expect(b).rejects.toBeInstanceOf(LabConnectionError);
  });

  it('refuses calls while disconnected instead of queueing them', async () => {
    const { client, socket } = await connected();
    socket().drop(1006);
    await expect(client.call('app.info', {})).rejects.toThrow('app.info: not connected to loadlab web right now (reconnecting); try again in a moment');
  });

  it('reconnects with growing backoff, resets it once open, and keeps listeners', async () => {
    const { client, sockets, socket, timers } = await connected();
    const seen: string[] = [];
    client.on('journal.changed', (payload) => seen.push(payload.reason));
    socket().drop(1006);
    timers.runAll();
    socket().drop(1006);
    timers.runAll();
    socket().drop(1006);
    expect(timers.delays).toEqual([250, 500, 1000]);
    timers.runAll();
    expect(sockets).toHaveLength(4);
    socket().open();
    socket().receive({ type: 'event', event: 'journal.changed', payload: { reason: 'imported' } });
    expect(seen).toEqual(['imported']);
    const call = client.call('app.info', {});
    expect(socket().sent).toEqual([{ type: 'call', id: 1, method: 'app.info', params: {} }]);
    socket().receive({ type: 'result', id: 1, ok: true, result: info });
    await expect(call).resolves.toEqual(info);
    socket().drop(1001, 'loadlab web is stopping');
    expect(timers.delays.at(-1)).toBe(250);
  });

  it('says once when it lost the host and once when it is back', async () => {
    const { client, socket, timers } = await connected();
    const states: string[] = [];
    const off = client.onConnection((state) => states.push(state));
    socket().drop(1006);
    timers.runAll();
    socket().drop(1006);
    timers.runAll();
    expect(states).toEqual(['reconnecting']);
    socket().open();
    expect(states).toEqual(['reconnecting', 'connected']);
    off();
    socket().drop(1006);
    expect(states).toEqual(['reconnecting', 'connected']);
  });

  it('ignores a stale socket after a reconnect', async () => {
    const { client, socket, sockets, timers } = await connected();
    const old = socket();
    old.drop(1006);
    timers.runAll();
    socket().open();
    const seen: string[] = [];
    client.on('journal.changed', (payload) => seen.push(payload.reason));
    old.receive({ type: 'event', event: 'journal.changed', payload: { reason: 'saved' } });
    old.drop(1006);
    expect(seen).toEqual([]);
    expect(sockets).toHaveLength(2);
    expect(timers.waiting).toBe(0);
  });

  it('gives up with a clear error when the first connection fails', async () => {
    const { client, socket, timers } = setUp();
    socket().drop(1006);
    await expect(client.ready).rejects.toThrow(
      'Cannot reach loadlab web at ws://127.0.0.1:4100/api (the connection broke; is loadlab web still running?). It may have stopped, or this page is from an earlier start (each start has a new token): run `npx loadlab web` and open the address it prints.',
    );
    expect(timers.waiting).toBe(0);
  });

  it('close stops reconnecting, closes the socket and rejects waiting calls', async () => {
    const { client, socket, timers } = await connected();
    const waiting = client.call('journal.list', {});
    client.close();
    await expect(waiting).rejects.toThrow('journal.list: the connection to loadlab web was closed by the page');
    expect(socket().closedWith).toEqual({ code: 1000, reason: 'page closed the connection' });
    expect(timers.waiting).toBe(0);
    await expect(client.call('app.info', {})).rejects.toThrow('app.info: the connection to loadlab web is closed');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 250 ms up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map(reconnectDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

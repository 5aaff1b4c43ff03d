import { describe, expect, it } from 'vitest';
import { LabError, type AppInfo, type LabMethod } from '../../../common/labApi.ts';
import type { LabBridge, LabOutcome } from '../../../common/labBridge.ts';
import { apiSocketUrl, connectLabFrom } from './connectLab.ts';
import { fakeSockets } from './testing/fakeSocket.ts';

const info: AppInfo = { version: '0.1.0', electron: '38.0.0', node: 'v22.0.0', host: 'electron', journalDir: '/j' };

describe('apiSocketUrl', () => {
  it('points at /api on the page host with the page token', () => {
    expect(apiSocketUrl('http://127.0.0.1:4100/?token=a-b_c')).toBe('ws://127.0.0.1:4100/api?token=a-b_c');
    expect(apiSocketUrl('https://[::1]:4100/index.html?x=1&token=t#/runs')).toBe('wss://[::1]:4100/api?token=t');
    expect(apiSocketUrl('http://127.0.0.1:4100/')).toBeNull();
    expect(apiSocketUrl('http://127.0.0.1:4100/?token=')).toBeNull();
  });
});

describe('connectLabFrom', () => {
  it("uses Electron's bridge when there is one, turning failed outcomes into LabError", async () => {
    const { openSocket, sockets } = fakeSockets();
    const subscribed: string[] = [];
    const bridge: LabBridge = {
      call: <M extends LabMethod>(method: M) =>
        Promise.resolve((method === 'app.info' ? { ok: true, result: info } : { ok: false, error: { code: 'busy', message: `${method}: a run is going` } }) as LabOutcome<M>),
      on: (event) => {
        subscribed.push(event);
        return () => undefined;
      },
    };
    const lab = await connectLabFrom({ bridge, pageUrl: 'file:///app/index.html', openSocket });
    expect(await lab.call('app.info', {})).toEqual(info);
    const error = await lab.call('run.stop', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LabError);
    expect(error).toMatchObject({ code: 'busy', message: 'run.stop: a run is going' });
    lab.on('run.sample', () => undefined);
    expect(subscribed).toEqual(['run.sample']);
    expect(sockets).toHaveLength(0);
  });

  it('connects the WebSocket of the page otherwise, once it is open', async () => {
    const { openSocket, sockets } = fakeSockets();
    const connecting = connectLabFrom({ bridge: undefined, pageUrl: 'http://127.0.0.1:4100/?token=abc', openSocket });
    expect(sockets.map((socket) => socket.url)).toEqual(['ws://127.0.0.1:4100/api?token=abc']);
    sockets[0]?.open();
    const lab = await connecting;
    const answer = lab.call('app.info', {});
    sockets[0]?.receive({ type: 'result', id: 1, ok: true, result: info });
    expect(await answer).toEqual(info);
  });

  it('says how to get in when the page has no token', async () => {
    const { openSocket, sockets } = fakeSockets();
    await expect(connectLabFrom({ bridge: undefined, pageUrl: 'http://127.0.0.1:4100/', openSocket })).rejects.toThrow(
      'This page was opened without its access token: open the address `loadlab web` printed (it ends in ?token=…).',
    );
    expect(sockets).toHaveLength(0);
  });
});

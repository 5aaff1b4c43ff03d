import { describe, expect, it } from 'vitest';
import type { RendererSource } from './rendererSource.ts';
import { untrustedSenderReason, type SenderFrame } from './senderCheck.ts';

const source: RendererSource = { kind: 'file', path: '/opt/loadlab/out/renderer/index.html' };
const appPage = 'file:///opt/loadlab/out/renderer/index.html';
const ourWindow = { id: 1 };
const otherContents = { id: 2 };
const isAppWindow = (contents: { id: number }): boolean => contents === ourWindow;

function event(frame: SenderFrame | null, sender = ourWindow) {
  return { senderFrame: frame, sender };
}

describe('untrustedSenderReason', () => {
  it('trusts the top frame of an app window showing the app page', () => {
    expect(untrustedSenderReason(event({ url: appPage, parent: null }), source, isAppWindow)).toBeNull();
  });

  // [what, event, reason]
  const refused: [string, ReturnType<typeof event>, string][] = [
    ['an unknown frame (another page)', event({ url: 'https://attacker.example/', parent: null }), 'the sender https://attacker.example/ is not the app page'],
    ['a frame with no URL yet', event({ url: '', parent: null }), 'the sender (no URL) is not the app page'],
    ['another file next to the app', event({ url: 'file:///opt/loadlab/out/renderer/other.html', parent: null }), 'the sender file:///opt/loadlab/out/renderer/other.html is not the app page'],
    ['a subframe of the app page', event({ url: appPage, parent: { url: appPage } }), 'the sender is a subframe'],
    ['a frame that is gone', event(null), 'the sending frame is gone'],
    ['web contents that are not an app window', event({ url: appPage, parent: null }, otherContents), 'the sender is not an app window'],
  ];
  it.each(refused)('refuses %s', (_what, ipcEvent, reason) => {
    expect(untrustedSenderReason(ipcEvent, source, isAppWindow)).toBe(reason);
  });
});

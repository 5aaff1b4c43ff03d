// Whether an IPC message comes from our own page. Structural types only (no Electron import at
// run time), so the rule is unit-tested without an Electron binary.
import { isAppUrl, type RendererSource } from './rendererSource.ts';

export interface SenderFrame {
  url: string;
  parent: object | null;
}

/** The parts of IpcMainInvokeEvent the check reads. */
export interface IpcSender<Contents> {
  senderFrame: SenderFrame | null;
  sender: Contents;
}

/**
 * An IPC call is trusted only from the top frame of one of our windows showing the app page.
 * Returns the reason when it is not, for the error the renderer receives.
 */
export function untrustedSenderReason<Contents>(event: IpcSender<Contents>, source: RendererSource, isAppWindow: (contents: Contents) => boolean): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a subframe';
  if (!isAppWindow(event.sender)) return 'the sender is not an app window';
  if (!isAppUrl(source, frame.url)) return `the sender ${frame.url || '(no URL)'} is not the app page`;
  return null;
}

// The lab contract on IPC: one invoke channel for every call, one send channel for every event,
// events only to windows that show the app page.
import { BrowserWindow } from 'electron';
import { isLabMethodName, labEventNames, labMethodNames } from '../common/labNames.ts';
import { settleLabCall } from '../common/labBridge.ts';
import type { ServedLab } from '../lab/web/servedLab.ts';
import { handle, send } from './ipc.ts';
import { isAppUrl, type RendererSource } from './rendererSource.ts';

/** Serves `lab` to the app's windows; returns a function that stops it. */
export function serveLabOverIpc(lab: ServedLab, source: RendererSource): () => void {
  const unhandle = handle('lab:call', source, {
    parseArgs(raw) {
      const [method, params] = raw;
      if (raw.length !== 2) throw new Error(`lab:call takes (method, params), got ${raw.length} arguments`);
      if (!isLabMethodName(method)) throw new Error(`unknown lab method ${JSON.stringify(method)}; the lab API has ${labMethodNames.join(', ')}`);
      return [method, params];
    },
    run: (method, params) => settleLabCall(method, () => lab.call(method, params)),
  });
  const unsubscribes = labEventNames.map((event) =>
    lab.on(event, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (isAppUrl(source, win.webContents.getURL())) send(win.webContents, 'lab:event', event, payload);
      }
    }),
  );
  return () => {
    unhandle();
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

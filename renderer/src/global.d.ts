import type { LabBridge } from '../../common/labBridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by `loadlab web`. */
    readonly loadlab?: LabBridge;
  }
}

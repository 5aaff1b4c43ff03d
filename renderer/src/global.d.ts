import type { LoadlabApi } from '../../common/appApi.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page runs in a plain browser. */
    readonly loadlab?: LoadlabApi;
  }
}

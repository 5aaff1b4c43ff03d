// The API the preload exposes on `window.loadlab`. Both sides import this one type: the preload
// checks its object with `satisfies LoadlabApi`, the renderer reads `window.loadlab` through it.

/** Versions of the running app and of the runtime it is hosted in. */
export interface AppInfo {
  /** Loadlab's version, from package.json. */
  version: string;
  /** Electron's version. */
  electron: string;
  /** The Node.js version bundled with Electron. */
  node: string;
}

/** Named verbs only: the renderer never sees ipcRenderer or any channel name. */
export interface LoadlabApi {
  appInfo(): Promise<AppInfo>;
}

// Where the journal lives: --journal DIR, else LOADLAB_JOURNAL, else the app's user-data folder
// (the folder Electron's app.getPath('userData') gives for an app named "Loadlab"), + "journal".
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'Loadlab';

export interface JournalDirSources {
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Electron's userData folder when running inside the app. */
  userDataDir?: string | undefined;
  platform?: NodeJS.Platform;
  home?: string;
}

/** The same folder Electron uses for userData on each platform. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveJournalDir(sources: JournalDirSources = {}): string {
  const env = sources.env ?? process.env;
  if (sources.flag !== undefined && sources.flag !== '') return resolve(sources.flag);
  if (env.LOADLAB_JOURNAL !== undefined && env.LOADLAB_JOURNAL !== '') return resolve(env.LOADLAB_JOURNAL);
  const userData = sources.userDataDir ?? defaultUserDataDir(sources.platform ?? process.platform, env, sources.home ?? homedir());
  return join(userData, 'journal');
}

// The desktop package (`npm run dist`): AppImage and deb on Linux, dmg on macOS, NSIS on Windows,
// each built on its own platform by electron-builder from what `npm run build` wrote to out/.
//
// Thread entries stay inside app.asar with the rest of out/main/: Electron's Node carries asar
// support for worker threads (Electron ≥ 18, "worker_thread: add asar support") and routes its
// ES-module loader through the asar-aware fs (Electron ≥ 28, "fix: lazyload fs in esm loaders to
// apply asar patches"), so `new Worker(<app.asar/out/main/…>.js)` loads them and their imports
// (chunks beside them, production dependencies in app.asar/node_modules). Unpacking them would
// also leave them outside the asar integrity check. Nothing is unpacked: no native modules.
import type { Configuration } from 'electron-builder';

/**
 * Electron's fuses, flipped by electron-builder with @electron/fuses after packing and before
 * signing. The asar integrity fuse takes effect where Electron validates it (macOS, Windows).
 */
export const electronFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
} as const satisfies NonNullable<Configuration['electronFuses']>;

/** What the app is made of, beside package.json and the production dependencies (added by electron-builder). */
export const packedFiles = ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*'];

const config: Configuration = {
  appId: 'dev.loadlab.desktop',
  productName: 'Loadlab',
  directories: { output: 'dist', buildResources: 'build' },
  files: packedFiles,
  asar: true,
  // No native modules to rebuild for Electron.
  npmRebuild: false,
  electronFuses,
  // A deb needs a maintainer; package.json names no author.
  linux: { target: ['AppImage', 'deb'], category: 'Development', maintainer: 'Loadlab' },
  mac: { target: 'dmg', category: 'public.app-category.developer-tools' },
  win: { target: 'nsis' },
};

export default config;

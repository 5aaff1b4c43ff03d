// What can be checked of the desktop package without Electron's binary (`npm run dist` needs to
// download it): the electron-builder configuration is valid, every path it packs exists after the
// build (vitest's global setup builds out/main and out/preload; the page is built here when
// stale), thread entries are found relative to out/main/ inside the app (no absolute, temp or
// source paths), and the fuses are exactly the ones the app ships with.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import config, { electronFuses, packedFiles } from '../electron-builder.config.ts';
import { ensureBuilt, packageRoot } from './build.js';

const outMain = join(packageRoot, 'out', 'main');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `out/main/**\/*` → `out/main`: every pattern packs a whole folder of the build. */
function packedDir(pattern: string): string {
  const dir = pattern.replace(/\/\*\*\/\*$/, '');
  if (dir.includes('*')) throw new Error(`${pattern} is not a whole folder`);
  return dir;
}

beforeAll(() => ensureBuilt(['node', 'renderer'], (line) => process.stderr.write(`${line}\n`)), 180_000);

describe('the desktop package configuration', () => {
  it('is valid for electron-builder', async () => {
    const require = createRequire(join(packageRoot, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips exactly these fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity, asar only, encrypted cookies', () => {
    expect(config.electronFuses).toBe(electronFuses);
    expect(electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
    expect(config.asarUnpack ?? []).toEqual([]);
  });

  it('builds AppImage and deb, dmg, NSIS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('packs folders that exist and are not empty after the build, holding main, preload and page', () => {
    expect(config.files).toBe(packedFiles);
    const dirs = packedFiles.map(packedDir);
    for (const dir of dirs) expect(filesUnder(join(packageRoot, dir)).length, dir).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { main: string };
    const needed = [manifest.main, 'out/preload/index.cjs', 'out/renderer/index.html'];
    for (const file of needed) {
      expect(statSync(join(packageRoot, file)).isFile(), file).toBe(true);
      expect(dirs.some((dir) => file.startsWith(`${dir}/`)), `${file} is packed`).toBe(true);
    }
  });

  it('starts threads from entries inside out/main/, by paths relative to it, all of them built and packed', () => {
    const code = filesUnder(outMain).map((file) => readFileSync(file, 'utf8'));
    const entries = new Set(code.flatMap((text) => [...text.matchAll(/threadEntry\(import\.meta\.url, "([^"]+)"\)/g)].map((match) => match[1] ?? '')));
    expect([...entries].sort()).toEqual(['handlerThread.js', 'serverThread.js', 'worker/main.cjs']);
    for (const entry of entries) {
      expect(entry.startsWith('/') || entry.split('/').includes('..'), entry).toBe(false);
      expect(existsSync(join(outMain, entry)), entry).toBe(true);
    }
    expect(packedFiles.map(packedDir)).toContain(relative(packageRoot, outMain).split(sep).join('/'));
  });

  it('holds no path of this checkout, and never transpiles or bundles at run time (no tsx, no esbuild)', () => {
    for (const file of filesUnder(outMain)) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes(packageRoot), `${file} holds ${packageRoot}`).toBe(false);
      expect(/["'](tsx|tsx\/esm\/api|esbuild)["']/.test(text), `${file} loads tsx or esbuild`).toBe(false);
    }
  });
});

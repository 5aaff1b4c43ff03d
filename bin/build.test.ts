// When out/ counts as out of date: a missing output, or a source newer than the oldest output of
// the part; tests, test folders and the other part's sources do not count. An installed package
// (no build configuration) is never built.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReason, ensureBuilt, isCheckout } from './build.js';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'loadlab-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * Writes `path` with the modification time `seconds`; a new file also sets its folders' times to
 * `seconds` (as creating it then would have).
 */
function touch(path: string, seconds: number): void {
  const file = join(root, path);
  const created = !existsSync(file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, seconds, seconds);
  if (!created) return;
  for (let folder = dirname(file); folder.startsWith(`${root}/`); folder = dirname(folder)) utimesSync(folder, seconds, seconds);
}

function builtAt(seconds: number): void {
  for (const output of ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) touch(output, seconds);
}

describe('buildReason', () => {
  beforeEach(() => {
    touch('electron.vite.config.ts', 1000);
    touch('package.json', 1000);
    touch('common/units.ts', 1000);
    touch('bench-runner/run.ts', 1000);
    touch('renderer/src/App.tsx', 1000);
  });

  it('names the missing output', () => {
    touch('out/main/index.js', 2000);
    expect(buildReason('node', root)).toBe('out/main/cli.js is missing');
    expect(buildReason('renderer', root)).toBe('out/renderer/index.html is missing');
  });

  it('is null when every output is newer than every source; tests and test folders do not count', () => {
    const tests = ['bench-runner/run.test.ts', 'server-core/test/clients.ts', 'journal/import/testdata/wrk.txt', 'renderer/src/App.test.tsx'];
    for (const file of tests) touch(file, 1000);
    builtAt(2000);
    for (const file of tests) touch(file, 3000);
    expect(buildReason('node', root)).toBeNull();
    expect(buildReason('renderer', root)).toBeNull();
  });

  it('a newer source makes its own part stale: common/ both, renderer/ only the page, a thread source only the node part', () => {
    touch('server-core/models/pool.ts', 1000);
    touch('renderer/src/store/state.ts', 1000);
    builtAt(2000);
    touch('server-core/models/pool.ts', 3000);
    expect(buildReason('node', root)).toBe('out/main/cli.js is older than its sources');
    expect(buildReason('renderer', root)).toBeNull();

    builtAt(4000);
    touch('renderer/src/store/state.ts', 5000);
    expect(buildReason('node', root)).toBeNull();
    expect(buildReason('renderer', root)).toBe('out/renderer/index.html is older than its sources');

    builtAt(6000);
    touch('common/runRecord.ts', 7000);
    expect(buildReason('node', root)).not.toBeNull();
    expect(buildReason('renderer', root)).not.toBeNull();
  });

  it('counts the build configuration, package.json and the lock file', () => {
    for (const file of ['electron.vite.config.ts', 'package.json', 'package-lock.json']) {
      builtAt(2000);
      touch(file, 3000);
      expect(buildReason('node', root), file).not.toBeNull();
      expect(buildReason('renderer', root), file).not.toBeNull();
      touch(file, 1000);
    }
  });

  it('a source removed since the build makes it stale (its folder changed)', () => {
    touch('bench-runner/old.ts', 1000);
    builtAt(2000);
    const folder = join(root, 'bench-runner');
    expect(buildReason('node', root)).toBeNull();
    rmSync(join(folder, 'old.ts'));
    expect(buildReason('node', root)).toBe('out/main/cli.js is older than its sources');
  });

  it('compares against the oldest output of the part', () => {
    builtAt(2000);
    touch('out/preload/index.cjs', 500);
    expect(buildReason('node', root)).not.toBeNull();
  });
});

describe('ensureBuilt', () => {
  it('does nothing, and says nothing, in an installed package (no build configuration)', () => {
    touch('package.json', 1000);
    expect(isCheckout(root)).toBe(false);
    const lines: string[] = [];
    ensureBuilt(['node', 'renderer'], (line) => lines.push(line), root);
    expect(lines).toEqual([]);
  });

  it('says nothing when the build is up to date', () => {
    touch('electron.vite.config.ts', 1000);
    touch('package.json', 1000);
    builtAt(2000);
    const lines: string[] = [];
    ensureBuilt(['node', 'renderer'], (line) => lines.push(line), root);
    expect(lines).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererBuildReason } from './rendererBuild.ts';

const root = mkdtempSync(join(tmpdir(), 'loadlab-build-'));
const out = join(root, 'out', 'renderer');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string, seconds: number): void {
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

describe('rendererBuildReason', () => {
  it('builds when there is no build, or when a source is newer; tests do not count', async () => {
    for (const dir of ['renderer/src', 'common', 'out/renderer']) mkdirSync(join(root, dir), { recursive: true });
    touch(join(root, 'renderer/src/App.tsx'), 1000);
    touch(join(root, 'common/units.ts'), 1000);
    expect(await rendererBuildReason(out, root)).toBe(`${out} has no build`);

    touch(join(out, 'index.html'), 2000);
    expect(await rendererBuildReason(out, root)).toBeNull();

    touch(join(root, 'renderer/src/App.test.ts'), 3000);
    expect(await rendererBuildReason(out, root)).toBeNull();

    touch(join(root, 'common/units.ts'), 3000);
    expect(await rendererBuildReason(out, root)).toBe(`${out} is older than the sources in renderer/ and common/`);
  });
});

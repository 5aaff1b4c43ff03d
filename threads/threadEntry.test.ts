// Thread entries are found relative to out/main/: beside the calling chunk when built, in the
// checkout's out/main/ when the caller runs from TypeScript sources (tests).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { threadEntry, threadEntryUrl } from './threadEntry.ts';

const builtMain = new URL('../out/main/', import.meta.url);

describe('threadEntryUrl', () => {
  it('resolves beside a built chunk, whatever chunk of out/main/ calls', () => {
    const chunk = 'file:///opt/Loadlab/resources/app.asar/out/main/labBridge-abc123.js';
    expect(threadEntryUrl(chunk, 'worker/main.cjs').href).toBe('file:///opt/Loadlab/resources/app.asar/out/main/worker/main.cjs');
    expect(threadEntryUrl(chunk, 'handlerThread.js').href).toBe('file:///opt/Loadlab/resources/app.asar/out/main/handlerThread.js');
  });

  it('resolves into the checkout out/main/ for a caller running from sources', () => {
    const source = new URL('../bench-runner/run.ts', import.meta.url).href;
    expect(threadEntryUrl(source, 'worker/main.cjs').href).toBe(new URL('worker/main.cjs', builtMain).href);
  });

  it('refuses a path outside out/main/', () => {
    expect(() => threadEntryUrl('file:///app/out/main/cli.js', '/etc/passwd')).toThrow(/inside out\/main/);
    expect(() => threadEntryUrl('file:///app/out/main/cli.js', '../renderer/index.html')).toThrow(/inside out\/main/);
  });
});

describe('threadEntry', () => {
  it('gives the entry when the file is there, and says to build when it is not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loadlab-thread-entry-'));
    try {
      const caller = pathToFileURL(join(dir, 'chunk-1.js')).href;
      await writeFile(join(dir, 'serverThread.js'), '');
      expect((await threadEntry(caller, 'serverThread.js')).href).toBe(pathToFileURL(join(dir, 'serverThread.js')).href);
      await expect(threadEntry(caller, 'handlerThread.js')).rejects.toThrow(/handlerThread\.js is missing: run `npm run build`/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

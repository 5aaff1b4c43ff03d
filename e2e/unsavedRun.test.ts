// End to end, a failed save: the journal's runs/ folder is replaced by a file (root ignores
// chmod, so this is how the journal is made unwritable), a 2 s run finishes, and the page shows
// the notice with the reason and the fallback file's path, downloads the record as JSON, and,
// once the journal is mended, Retry saves it and the notice goes. Screenshot in both themes.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { browserTestsEnabled } from './support/browser.ts';
import { applyPreset, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

describe.skipIf(!browserTestsEnabled)('a run the journal cannot save, in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;
  let userData = '';
  const savedXdg = process.env.XDG_CONFIG_HOME;

  beforeAll(async () => {
    // The lab runs in this process: its fallback folder (the user data folder) goes to a temp folder.
    userData = await mkdtemp(join(tmpdir(), 'loadlab-e2e-userdata-'));
    process.env.XDG_CONFIG_HOME = userData;
    app = await openApp({ acceptDownloads: true });
    ({ page } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (savedXdg === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedXdg;
    await rm(userData, { recursive: true, force: true });
  });

  it('keeps the record, shows why and where, downloads it, and saves it on Retry', async () => {
    const runsDir = join(app?.web.journalDir ?? '', 'runs');
    await rm(runsDir, { recursive: true });
    await writeFile(runsDir, 'a file where the runs folder should be');

    await applyPreset(page, 'pool, shared channel');
    await page.keyboard.press('Control+Enter');
    const banner = page.locator('.unsaved-runs');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.locator('h2').textContent()).toBe('A finished run was not saved in the journal');
    expect(await banner.locator('.unsaved-reason').textContent()).toMatch(/ENOTDIR/);
    const path = (await banner.locator('.unsaved-path').textContent()) ?? '';
    expect(path.startsWith(join(userData, 'Loadlab', 'unsaved-runs'))).toBe(true);
    const onDisk = measuredRunRecordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(await journalCount(page)).toBe(0);
    await shootBothThemes(page, 'lab-unsaved-run');

    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download record (.json)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${onDisk.id}.json`);
    const downloaded = measuredRunRecordSchema.parse(JSON.parse(await readFile(await download.path(), 'utf8')));
    expect(downloaded).toEqual(onDisk);

    // A reload does not lose it: the page reads the unsaved runs when it attaches.
    await page.reload();
    await banner.waitFor({ timeout: 15_000 });

    // Still unwritable: Retry says so and the notice stays.
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => banner.locator('.note.error').textContent(), { timeout: 10_000 }).toMatch(/still not saved/);

    await rm(runsDir);
    await mkdir(runsDir);
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => journalCount(page), { timeout: 10_000 }).toBe(1);
  }, 120_000);
});

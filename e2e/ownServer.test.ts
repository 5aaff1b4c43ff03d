// End to end, your own server (issue 14): a profile (python3 -m http.server on a free loopback
// port) put through the lab API's store, picked in the server column, started, loaded for 3 s
// from the page, its process charts on the run page, stopped. Screenshots of each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA, type ServerProfile } from '../common/serverProfile.ts';
import { openProfileStore } from '../journal/store/profiles.ts';
import { freePort } from '../targets/testing.ts';
import { openApp, type OpenApp } from './support/app.ts';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, runAndWait } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';

describe.skipIf(!browserTestsEnabled)('your own server in the Lab', () => {
  let app: OpenApp | undefined;
  let page: Page;
  let profile: ServerProfile;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    const port = await freePort();
    profile = {
      schema: PROFILE_SCHEMA,
      name: 'py-http',
      command: ['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1'],
      shell: false,
      cwd: app.web.journalDir,
      env: {},
      url: `http://127.0.0.1:${port}/`,
      ready: { kind: 'tcp', host: '127.0.0.1', port },
      readyTimeoutMs: 15_000,
      restartEachRun: false,
      warmupMs: 0,
    };
    // The same store profiles.put writes (servers/<name>.json in the journal folder).
    await (await openProfileStore(app.web.journalDir)).put(profile, { replace: false });
    await page.reload();
    await page.locator('.nav-foot', { hasText: 'web' }).waitFor({ timeout: 15_000 });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('picks the profile and starts it: ready, process tiles, log', async () => {
    await page.locator('.server-pick select').selectOption('py-http');
    await page.getByRole('button', { name: 'Start py-http' }).click();
    await expect.poll(() => page.locator('.own-server .status-pill').textContent(), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => page.locator('.own-server .stats .stat').count(), { timeout: 10_000 }).toBe(5);
    await shootBothThemes(page, 'own-server-ready');
  });

  it('runs 3 s against it from the page; the run page shows the profile and its process charts', async () => {
    await page.getByRole('button', { name: `Load ${profile.url ?? ''}` }).click();
    expect(await page.locator('.load-panel input[inputmode="url"]').inputValue()).toBe(profile.url);
    await page.getByLabel('Duration (-d)').fill('3s');
    await runAndWait(page);
    // The live panel drew its process on the run's axis too.
    expect(await page.locator('.live-panel .chart-title', { hasText: 'Server process: CPU' }).count()).toBe(1);
    // The log shows the requests the run made.
    await expect.poll(() => page.locator('.own-server-log pre').textContent(), { timeout: 10_000 }).toContain('"GET / HTTP/1.1" 200');
    await shootBothThemes(page, 'own-server-after-run');
    await goTo(page, 'Journal');
    await page.locator('.run-title').first().click();
    await expect.poll(() => page.locator('.chart-title', { hasText: 'Server process: CPU' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.chart-title', { hasText: 'Server process: threads and accept queue' }).count()).toBe(1);
    expect(await page.locator('.config').textContent()).toContain('profile py-http: python3 -m http.server');
    await shootBothThemes(page, 'own-server-run-page');
  });

  it('stops it from the panel', async () => {
    await goTo(page, 'Lab');
    // Back from the journal the live panel has no points of its own: it says where they are (once
    // it has asked the lab which server is running: until then it shows a general note).
    await expect.poll(() => page.locator('.live-panel').textContent(), { timeout: 10_000 }).toContain('py-http’s process charts are on the saved run’s page.');
    await page.locator('.own-server').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.locator('.own-server .status-pill').textContent(), { timeout: 15_000 }).toBe('stopped');
    expect(app?.problems ?? []).toEqual([]);
    await shootBothThemes(page, 'own-server-stopped');
  });
});

// The page loses `loadlab web` (it was stopped): it says so and keeps trying, instead of
// failing each click with an error of its own.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from './support/app.ts';
import { browserTestsEnabled } from './support/browser.ts';
import { shootBothThemes } from './support/shots.ts';

describe.skipIf(!browserTestsEnabled)('losing the connection to loadlab web', () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    ({ page } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows a banner that says what happens, while the page keeps trying', async () => {
    expect(await page.locator('.connection-banner').count()).toBe(0);
    await app?.web.close();
    await expect.poll(() => page.locator('.connection-banner').textContent(), { timeout: 10_000 }).toContain('Lost the connection to loadlab web; reconnecting');
    await shootBothThemes(page, 'connection-lost');
  });
});

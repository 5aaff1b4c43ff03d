// End to end: `loadlab web --no-open --port 0` in this process against a temporary journal, the
// page in Debian's Chromium. The first screen must render and reach the lab API (the navigation
// shows the version from app.info, the Journal view its folder), with no console errors (a CSP
// violation would be one). The screenshot is kept for people to look at:
// e2e/screenshots/web-first-screen.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../bin/build.js';
import { startWeb, type RunningWeb } from '../cli/web.ts';
import { APP_VERSION } from '../common/version.ts';
import { findProgram, hasProgram, peerTestsRequired } from '../peers/programs.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const haveChromium = hasProgram('chromium', 'chromium');

describe.skipIf(!haveChromium && !peerTestsRequired())('loadlab web in Chromium', () => {
  let journal: string;
  let web: RunningWeb;
  let browser: Browser;

  beforeAll(async () => {
    // In CI a missing Chromium fails here with the package to install.
    const executablePath = findProgram('chromium', 'chromium');
    journal = mkdtempSync(join(tmpdir(), 'loadlab-e2e-'));
    ensureBuilt(['renderer'], () => undefined);
    web = await startWeb({ host: '127.0.0.1', port: 0, journal });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    if (journal !== undefined) rmSync(journal, { recursive: true, force: true });
  });

  it('renders the first screen and reaches the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(web.url);
    await expect.poll(() => page.locator('.nav-foot').textContent(), { timeout: 15_000 }).toContain(APP_VERSION);
    expect(await page.locator('.nav-foot').innerText()).toContain('loadlab web');
    await page.locator('nav.nav').getByRole('button', { name: /^Journal/ }).click();
    await expect.poll(() => page.locator('.run-list').textContent()).toContain(journal);
    await page.locator('nav.nav').getByRole('button', { name: /^Lab/ }).click();
    expect(problems).toEqual([]);

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'web-first-screen.png'), fullPage: true });
    await page.close();
  });

  it('says how to get in when the address has no token', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/', web.url).href);
    await expect.poll(() => page.locator('.note.error').textContent(), { timeout: 15_000 }).toContain('opened without its access token');
    await page.close();
  });
});

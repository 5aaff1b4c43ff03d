// The app open in Chromium against a fresh `loadlab web` (temp journal, optional records), for
// the e2e suites: one setup, one teardown.
import type { Browser, Page } from 'playwright-core';
import type { RunRecord } from '../../common/runRecord.ts';
import { collectPageProblems, launchChromium } from './browser.ts';
import { startWebLab, type WebLab } from './webLab.ts';

export interface OpenApp {
  web: WebLab;
  browser: Browser;
  page: Page;
  /** Console errors and failed requests seen on the page. */
  problems: string[];
  close(): Promise<void>;
}

export async function openApp(options: { records?: readonly RunRecord[]; acceptDownloads?: boolean } = {}): Promise<OpenApp> {
  const web = await startWebLab(options.records ?? []);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const problems = collectPageProblems(page);
  await page.goto(web.url);
  await page.locator('.nav-foot', { hasText: 'web' }).waitFor({ timeout: 15_000 });
  return {
    web,
    browser,
    page,
    problems,
    async close() {
      await browser.close();
      await web.dispose();
    },
  };
}

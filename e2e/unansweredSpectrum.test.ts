// End to end, the percentile spectrum of a run that left requests unanswered: the built-in
// server's single-threaded model on /sleep?ms=100 (capacity 10 req/s by Little's law) loaded at
// 50 req/s for 2 s, so most scheduled requests get no answer. The Lab's saved-run spectrum and the
// run page draw them at their wait, the part they can move dashed and named "≥". Screenshots.
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

describe.skipIf(!browserTestsEnabled)('the spectrum with unanswered requests, in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp();
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('draws unanswered requests as a dashed lower bound in the Lab and on the run page', async () => {
    await goTo(page, 'Lab');
    await page.getByLabel('Concurrency model').selectOption('single');
    await page.getByText('Constant rate (wrk2 -R)').click();
    await page.getByLabel('Path').fill('/sleep?ms=100');
    await page.getByLabel('Threads (-t)').fill('4');
    await page.getByLabel('Connections (-c)').fill('10');
    await page.getByLabel('Duration (-d)').fill('2s');
    await page.getByLabel('Rate (-R, req/s)').fill('50');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => journalCount(page), { timeout: 60_000 }).toBe(1);
    const saved = page.locator('.saved-spectrum');
    await expect.poll(() => saved.textContent(), { timeout: 15_000 }).toContain('≥ unanswered requests can move it');
    expect(await saved.textContent()).toContain('unanswered requests counted at their wait');
    await saved.scrollIntoViewIfNeeded();
    await shootBothThemes(page, 'unanswered-spectrum-lab');
    await goTo(page, 'Journal');
    await page.locator('table.runs tbody tr').first().getByRole('button').first().click();
    const charts = page.locator('section[aria-labelledby="charts-title"]');
    await expect.poll(() => charts.textContent(), { timeout: 15_000 }).toContain('≥ unanswered requests can move it');
    await shootBothThemes(page, 'unanswered-spectrum-run-page');
    // Four threads on one worker thread per core (bench-runner/workerThreads.ts), said on the run page.
    const cores = availableParallelism();
    const threadsFact = page.locator('.config .fact', { hasText: /^threads/ });
    expect(await threadsFact.textContent()).toContain(cores >= 4 ? 'threads4' : `threads4 on ${cores} worker threads`);
    expect(app?.problems).toEqual([]);
  }, 120_000);
});

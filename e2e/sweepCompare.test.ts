// End to end: two short sweeps of /sleep?ms=20 against the built-in server on two models
// (pool-per-worker with one worker: about 50 req/s by Little's law; pool-shared ×4: about 200
// req/s), overlaid in Compare with their knees side by side, and one exported as HTML from its
// page. Screenshots of each, and of the exported page opened in Chromium. No knee is asserted:
// 1 s steps on a shared machine move it; the labels, lines and table are what is checked.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo } from './support/labPage.ts';
import { screenshotDir, shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

/** Runs a 4-step sweep of 1 s steps on `model` and waits for its knee line. */
async function sweepOn(page: Page, model: string, workers: number): Promise<void> {
  await goTo(page, 'Lab');
  await page.getByLabel('Concurrency model').selectOption(model);
  await page.getByLabel('Workers').fill(String(workers));
  await page.getByText('Sweep (find the knee)').click();
  await page.getByLabel('Path').fill('/sleep?ms=20');
  await page.getByLabel('Or rates').fill('20,40,80,160');
  await page.getByLabel('Step duration').fill('1s');
  await page.getByLabel('Threads (-t)').fill('1');
  await page.getByLabel('Connections (-c)').fill('8');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect.poll(() => page.locator('.sweep-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  // Four 1 s steps at most, on a shared machine: generous.
  await expect.poll(() => page.locator('.sweep-panel').getAttribute('data-state'), { timeout: 60_000 }).not.toBe('running');
  await expect.poll(() => page.getByTestId('sweep-knee').textContent(), { timeout: 15_000 }).toMatch(/req\/s/);
}

describe.skipIf(!browserTestsEnabled)('sweeps compared in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp({ acceptDownloads: true });
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('two sweeps on two models, overlaid in Compare with their knees side by side', async () => {
    await sweepOn(page, 'pool-per-worker', 1);
    await sweepOn(page, 'pool-shared', 4);
    await goTo(page, 'Journal');
    const list = page.locator('.sweep-list');
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    for (const box of await list.getByRole('checkbox').all()) await box.check();
    await list.getByRole('button', { name: 'Compare 2 sweeps' }).click();
    const chart = page.locator('.sweep-overlay');
    await expect.poll(() => chart.getAttribute('data-lines'), { timeout: 10_000 }).toBe('2');
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(4);
    // Labelled by what differs: the model and the pool's size.
    const knees = page.locator('.sweep-knees tbody tr');
    expect(await knees.count()).toBe(2);
    expect((await knees.locator('td:first-child').allTextContents()).sort()).toEqual(['pool-per-worker ×1', 'pool-shared ×4']);
    // A solid line per sweep, and a dashed one for a sweep with incomplete steps.
    expect(await chart.locator('.recharts-line').count()).toBeGreaterThanOrEqual(2);
    // Every point says what it is on hover; the hollow ones say they are incomplete or a lower bound.
    const hover = await chart.locator('circle title').allTextContents();
    expect(hover.length).toBeGreaterThanOrEqual(4);
    expect(hover.every((text) => /req\/s target, [\d.,]+ achieved · p99 (≥ )?[\d.]+ (µs|ms|s) · [\d.]+ % .*answered$/.test(text))).toBe(true);
    await shootBothThemes(page, 'sweep-compare-p99');
    await page.getByLabel('Latency figure drawn').selectOption('p50');
    await expect.poll(() => chart.locator('.chart-title').textContent()).toMatch(/^p50 latency/);
    await shootBothThemes(page, 'sweep-compare-p50');
    expect(app?.problems).toEqual([]);
  }, 240_000);

  it('exports a sweep as a self-contained HTML page from its page', async () => {
    await goTo(page, 'Journal');
    await page.locator('.sweep-list tbody tr').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('experiment-knee').textContent(), { timeout: 10_000 }).toMatch(/req\/s/);
    const downloads: Download[] = [];
    page.on('download', (download) => void downloads.push(download));
    await page.getByLabel('Sweep export format').selectOption('html');
    await page.getByRole('button', { name: 'Export sweep' }).click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(1);
    const [download] = downloads;
    expect(download?.suggestedFilename()).toMatch(/-sweep\.html$/);
    const html = await readFile((await download?.path()) ?? '', 'utf8');
    expect(html).toContain('<svg');
    expect(html).toMatch(/<tr data-run="[^"]+" class="knee-row">|No knee/);
    await shootBothThemes(page, 'sweep-experiment-export');
    const saved = join(screenshotDir, 'sweep-export.html');
    await writeFile(saved, html);
    const view = await app?.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await view?.goto(`file://${saved}`);
    await view?.screenshot({ path: join(screenshotDir, 'sweep-export-html.png'), fullPage: true });
    await view?.close();
    expect(app?.problems).toEqual([]);
  }, 60_000);
});

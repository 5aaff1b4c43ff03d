// How the UI copes with a long run: a constructed one-hour record (3,600 series points, 3,600
// server telemetry points, a 200,000-value histogram) in the journal. Frame times are measured
// in the page (requestAnimationFrame deltas) while switching views and hovering the charts, and
// printed; the test fails only on a freeze (a frame over 1 s), not on a slow machine.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { startFrameLog, stopFrameLog, type FrameStats } from './support/frames.ts';
import { goTo } from './support/labPage.ts';
import { oneHourRecord } from './support/longRecord.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

const FREEZE_MS = 1000;

function report(name: string, stats: FrameStats, extra = ''): void {
  console.log(`frame times, ${name}: ${stats.frames} frames, p50 ${stats.p50Ms} ms, p95 ${stats.p95Ms} ms, p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms, ${stats.over50} over 50 ms${extra}`);
}

/** Moves the mouse across every chart on the page, left to right. */
async function hoverCharts(page: Page): Promise<void> {
  const surfaces = page.locator('.recharts-surface');
  const count = await surfaces.count();
  for (let index = 0; index < count; index++) {
    const box = await surfaces.nth(index).boundingBox();
    if (box === null) continue;
    await surfaces.nth(index).scrollIntoViewIfNeeded();
    const again = (await surfaces.nth(index).boundingBox()) ?? box;
    for (let step = 0; step <= 30; step++) await page.mouse.move(again.x + 60 + ((again.width - 70) * step) / 30, again.y + again.height / 2);
  }
}

describe.skipIf(!browserTestsEnabled)('responsiveness with a one-hour run', () => {
  let page: Page;
  let problems: string[];
  const id = 'one-hour-run';

  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp({ records: [oneHourRecord(id), { ...oneHourRecord('one-hour-run-b'), title: 'the same hour again (for compare)' }] });
    ({ page, problems } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens the run page in reasonable time and draws every chart', async () => {
    await goTo(page, 'Journal');
    const started = Date.now();
    await page.locator('.run-title', { hasText: 'constructed one-hour record' }).click();
    await expect.poll(() => page.locator('.run-page .recharts-surface').count(), { timeout: 20_000 }).toBe(5);
    console.log(`one-hour run page: charts drawn ${Date.now() - started} ms after the click`);
    await shootBothThemes(page, 'run-page-one-hour');
  });

  it('switching views and hovering the charts keeps frames flowing', async () => {
    await startFrameLog(page);
    for (let round = 0; round < 3; round++) {
      await goTo(page, 'Lab');
      await page.waitForTimeout(200);
      await goTo(page, 'Journal');
      await page.locator('.run-title', { hasText: 'constructed one-hour record' }).click();
      await page.locator('.run-page .recharts-surface').nth(4).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(200);
    }
    const switching = await stopFrameLog(page);
    report('switching Lab ⇄ one-hour run page ×3', switching);

    await startFrameLog(page);
    await hoverCharts(page);
    const hovering = await stopFrameLog(page);
    report('hovering the 5 charts of the one-hour run', hovering);

    await page.getByRole('checkbox', { name: /pick for compare/ }).check();
    await goTo(page, 'Journal');
    await page.getByRole('checkbox', { name: 'Pick the same hour again (for compare)', exact: true }).check();
    await startFrameLog(page);
    await goTo(page, 'Compare');
    await expect.poll(() => page.locator('.compare-view .recharts-surface').count(), { timeout: 20_000 }).toBe(3);
    await hoverCharts(page);
    const comparing = await stopFrameLog(page);
    report('opening Compare of two one-hour runs and hovering', comparing);
    await shootBothThemes(page, 'compare-one-hour');

    for (const stats of [switching, hovering, comparing]) expect(stats.maxMs).toBeLessThan(FREEZE_MS);
  });

  it('had no console errors', () => {
    expect(problems).toEqual([]);
  });
});

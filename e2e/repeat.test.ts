// End to end, the Repeat box in the Lab: 3 repeats of a 1 s constant-rate run of the built-in
// server, alternated between event-loop and pool-shared (A B A B: the lab restarts the server as
// each model). The panel grows run by run beside the live view and ends with Compare's verdicts;
// the journal lists the repeats and their result page shows the runs and the verdict.
// Screenshots of each. Assertions are on counts and words, never on figures or durations.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

describe.skipIf(!browserTestsEnabled)('repeats in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp();
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('the Lab: the Repeat box, progress run by run, the verdict at the end', async () => {
    await goTo(page, 'Lab');
    await page.getByText('Constant rate (wrk2 -R)').click();
    await page.getByLabel('Threads (-t)').fill('1');
    await page.getByLabel('Connections (-c)').fill('2');
    await page.getByLabel('Duration (-d)').fill('1s');
    await page.getByLabel('Rate (-R, req/s)').fill('100');
    await page.getByLabel('Repeat (runs)').fill('3');
    await page.locator('.repeat-models').getByLabel('pool-shared').check();
    await shootBothThemes(page, 'repeat-lab-form');
    await page.getByRole('button', { name: /^Run/ }).click();
    const panel = page.locator('.repeat-panel');
    await expect.poll(() => panel.getAttribute('data-runs'), { timeout: 60_000 }).toBe('1');
    expect(await panel.getAttribute('data-state')).toBe('running');
    // As the next run starts, its charts never show the last run's samples (the live charts redraw
    // at most every 2 s, but a new run at once): drawn samples never exceed the run's own.
    const seen: string[] = [];
    for (let look = 0; look < 30; look++) {
      seen.push(await page.evaluate("(() => { const p = document.querySelector('.live-panel'); return p === null ? '' : `${p.getAttribute('data-samples')}/${p.getAttribute('data-drawn-samples')}`; })()"));
      await page.waitForTimeout(100);
    }
    expect(seen.filter((pair) => pair !== '' && Number(pair.split('/')[1]) > Number(pair.split('/')[0]))).toEqual([]);
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/run \d of 6/);
    await shootBothThemes(page, 'repeat-lab-running');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('idle');
    expect(await panel.getAttribute('data-runs')).toBe('6');
    expect(await panel.locator('.repeat-table tbody tr').count()).toBe(6);
    // Alternated: the configuration column reads A B A B A B.
    expect(await panel.locator('.repeat-table tbody tr td:nth-child(2)').allTextContents()).toEqual(['event-loop', 'pool-shared', 'event-loop', 'pool-shared', 'event-loop', 'pool-shared']);
    const verdicts = panel.getByTestId('repeat-verdicts');
    expect(await verdicts.textContent()).toContain('Verdict against event-loop');
    // 3 runs a side: Compare's words for too few runs (or a verdict), never a bare figure.
    expect(await verdicts.textContent()).toMatch(/pool-shared: req\/s .*(too few runs|interval|no difference detectable)/);
    await expect.poll(() => journalCount(page)).toBe(6);
    // The server is put back to the server panel's model after the alternation.
    await expect.poll(() => page.locator('.nav-foot').textContent(), { timeout: 10_000 }).toContain('server event-loop');
    await shootBothThemes(page, 'repeat-lab-done');
    expect(app?.problems).toEqual([]);
  }, 240_000);

  it('the journal lists the repeats; the result page has the runs and the verdict', async () => {
    await goTo(page, 'Journal');
    const list = page.locator('section[aria-labelledby="repeat-list-title"]');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('event-loop / pool-shared');
    await list.getByRole('button', { name: /repeat event-loop vs pool-shared/ }).click();
    const result = page.locator('.repeat-page');
    await expect.poll(() => result.getByTestId('repeat-verdicts').textContent(), { timeout: 10_000 }).toContain('Verdict against event-loop');
    expect(await result.locator('.repeat-table tbody tr').count()).toBe(6);
    expect(await result.textContent()).toContain('alternated event-loop / pool-shared (A B A B)');
    await shootBothThemes(page, 'repeat-page');
    // A run of the repeat opens as an ordinary run.
    await result.locator('.repeat-table tbody tr').first().getByRole('button').click();
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 }).toMatch(/repeat event-loop vs pool-shared on built-in \/ · event-loop · run 1\/3/);
    expect(app?.problems).toEqual([]);
  }, 60_000);

  it('one configuration: 3 runs, and the result page gives the spread of its runs', async () => {
    await goTo(page, 'Lab');
    await page.locator('.repeat-models').getByLabel('pool-shared').uncheck();
    await page.getByLabel('Title', { exact: true }).fill('three of event-loop');
    await page.getByRole('button', { name: /^Run/ }).click();
    const panel = page.locator('.repeat-panel');
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/run \d of 3/);
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('idle');
    expect(await panel.locator('.repeat-table tbody tr').count()).toBe(3);
    await panel.getByRole('button', { name: 'Open the result page' }).click();
    const verdicts = page.locator('.repeat-page').getByTestId('repeat-verdicts');
    await expect.poll(() => verdicts.textContent(), { timeout: 10_000 }).toContain('event-loop: the spread of its runs');
    expect(await verdicts.textContent()).toMatch(/req\/s: median .* range .* over 3 runs/);
    await shootBothThemes(page, 'repeat-page-one-configuration');
    expect(app?.problems).toEqual([]);
  }, 120_000);
});

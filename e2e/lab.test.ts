// End to end, the Lab: `loadlab web` in this process on a temporary journal, the page in Debian's
// Chromium. Starts the built-in server, runs one preset of each family of the seed journal's
// experiments for 2 s (wrk2 against a model, the server's keep-alive off, httperf), stops a run
// with Escape, opens a run and edits its notes. Screenshots of each view in both themes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { applyPreset, goTo, journalCount, runAndWait } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

describe.skipIf(!browserTestsEnabled)('the Lab in Chromium', () => {
  let page: Page;
  let problems: string[];

  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp();
    ({ page, problems } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the first screen with what to do next', async () => {
    await expect.poll(() => page.locator('.live-panel').textContent()).toContain('No run yet');
    await shootBothThemes(page, 'lab-empty');
  });

  it('pastes a command line into the form and shows it back', async () => {
    await page.getByLabel('Paste a command line').fill('wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/');
    await page.getByRole('button', { name: 'Fill form' }).click();
    await expect.poll(() => page.locator('.command-paste .note').textContent()).toContain('Read as wrk2');
    expect(await page.getByLabel('Connections (-c)').inputValue()).toBe('400');
    expect(await page.locator('.equivalent code').first().textContent()).toBe('wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/');
    // A rate the connections cannot carry is flagged before the run.
    await page.getByLabel('Connections (-c)').fill('4');
    await expect.poll(() => page.locator('.findings').textContent()).toContain('Fewer connections (4) than threads (12)');
    await shootBothThemes(page, 'lab-form-pasted');
  });

  it('starts the built-in server and shows its telemetry', async () => {
    await page.getByLabel('Concurrency model').selectOption('pool-shared');
    await page.getByRole('button', { name: 'Start server' }).click();
    await expect.poll(() => page.locator('.server-panel .status-pill').textContent(), { timeout: 15_000 }).toBe('running');
    await expect.poll(() => page.locator('.server-panel .stats').count(), { timeout: 10_000 }).toBe(1);
  });

  it('runs wrk2 -t12 -c400 -R1000 against a model (2 s), live then saved', async () => {
    await applyPreset(page, 'pool, shared channel');
    expect(await page.getByLabel('Duration (-d)').inputValue()).toBe('2s');
    const before = await journalCount(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 10_000 }).toBe('Running');
    await expect.poll(() => page.locator('.live-panel .recharts-surface').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    // The spectrum of everything so far, from the first sample on (the saved run's once it ends).
    await expect.poll(() => page.locator('.saved-spectrum .recharts-surface').count(), { timeout: 10_000 }).toBe(1);
    await shootBothThemes(page, 'lab-running');
    await expect.poll(() => journalCount(page), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => page.locator('.saved-spectrum .recharts-surface').count(), { timeout: 10_000 }).toBe(1);
    await shootBothThemes(page, 'lab-finished');
  });

  it('runs the keep-alive-off preset (2 s): the server closes every connection', async () => {
    await applyPreset(page, 'keep-alive off');
    // The model presets already run keep-alive off and closing silently (the journal before 004),
    // so the server of the run before is used as it is; the panel shows the settings either way.
    await expect.poll(() => page.locator('.server-panel').textContent()).toContain('closes silently');
    await runAndWait(page);
    expect(await page.locator('.server-where').textContent()).toContain('keep-alive off');
  });

  it('runs the httperf preset (20 connections at 10/s)', async () => {
    await applyPreset(page, 'httperf --rate 10');
    expect(await page.locator('.equivalent code').first().textContent()).toMatch(/^httperf --server 127\.0\.0\.1 --port \d+ --uri \/ --rate 10 --num-conns 20 --num-calls 1/);
    await runAndWait(page);
    await shootBothThemes(page, 'lab-httperf-finished');
  });

  it('stops a run with Escape; the run is saved as stopped early', async () => {
    await applyPreset(page, 'event loop');
    await page.getByLabel('Duration (-d)').fill('20s');
    const before = await journalCount(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 10_000 }).toBe('Running');
    await page.waitForTimeout(1500);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => journalCount(page), { timeout: 15_000 }).toBe(before + 1);
  });

  it('opens the saved run from the journal and edits its notes (rendered safely)', async () => {
    await goTo(page, 'Journal');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(4);
    await shootBothThemes(page, 'journal-list');
    expect(await page.locator('table.runs tbody tr').first().textContent()).toContain('stopped early');
    await page.locator('.run-title', { hasText: 'pool-shared' }).first().click();
    await expect.poll(() => page.locator('.run-page .recharts-surface').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Write notes' }).click();
    await page.getByLabel('Notes (Markdown)').fill('## Pool, shared channel\n\n**4 workers**, `-R1000`: p99 looks fine.\n\n<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.notes .markdown strong').textContent()).toBe('4 workers');
    expect(await page.locator('.notes .markdown script').count()).toBe(0);
    expect(await page.locator('.notes .markdown').textContent()).toContain('<script>alert(1)</script>');
    await shootBothThemes(page, 'run-page');
  });

  it('had no console errors (a CSP violation would be one)', () => {
    expect(problems).toEqual([]);
  });
});

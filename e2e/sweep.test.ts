// End to end, a sweep in the Lab against the built-in server (three 1 s steps): the curve grows
// a point per step beside the live view, the knee is named at the end; then the journal lists the
// sweep and its page shows the curve, the table and the knee. Screenshots of each.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

/** Answers at most `perSec` requests in each wall-clock second and holds the rest without a byte. */
/**
 * Answers at most `perSec` requests a second, as a token bucket (a burst of 10 at most); the rest
 * get no answer. (It counted per wall-clock second before: a 1 s step at 120 req/s that straddled
 * a second's boundary near its middle got all its answers, 60 + 60, and the knee moved up.)
 */
function cappedServer(perSec: number): net.Server {
  const burst = 10;
  let tokens = burst;
  let lastMs = performance.now();
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (data: Buffer) => {
      pending += data.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        pending = pending.slice(end + 4);
        const nowMs = performance.now();
        tokens = Math.min(burst, tokens + ((nowMs - lastMs) * perSec) / 1000);
        lastMs = nowMs;
        if (tokens < 1) continue;
        tokens--;
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }
    });
  });
}

describe.skipIf(!browserTestsEnabled)('a sweep in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;
  const capped = cappedServer(70);

  beforeAll(async () => {
    app = await openApp();
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    capped.close();
    capped.unref();
  });

  it('the Lab: Sweep as a load mode, the curve growing, the knee at the end', async () => {
    await goTo(page, 'Lab');
    await page.getByText('Sweep (find the knee)').click();
    await page.getByLabel('Or rates').fill('50,100,200');
    await page.getByLabel('Step duration').fill('1s');
    await page.getByLabel('Threads (-t)').fill('1');
    await page.getByLabel('Connections (-c)').fill('4');
    await page.getByRole('button', { name: /^Run/ }).click();
    const panel = page.locator('.sweep-panel');
    // The curve grows point by point while the live view shows the step going.
    await expect.poll(() => panel.getAttribute('data-steps'), { timeout: 30_000 }).toBe('1');
    expect(await panel.getAttribute('data-state')).toBe('running');
    await expect.poll(() => page.locator('.sweep-curve').getAttribute('data-points')).toBe('1');
    await shootBothThemes(page, 'sweep-lab-running');
    await expect.poll(() => page.getByTestId('sweep-knee').textContent(), { timeout: 30_000 }).toMatch(/req\/s/);
    expect(await panel.getAttribute('data-steps')).toBe('3');
    expect(await page.locator('.sweep-curve').getAttribute('data-points')).toBe('3');
    expect(await page.locator('.sweep-table tbody tr').count()).toBe(3);
    // Every step is a saved run.
    await expect.poll(() => journalCount(page)).toBe(3);
    await shootBothThemes(page, 'sweep-lab-done');
    expect(app?.problems).toEqual([]);
  }, 120_000);

  it('the journal lists the sweep; its page has the curve, the table and the knee', async () => {
    await goTo(page, 'Journal');
    const list = page.locator('.sweep-list');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('sweep built-in');
    await shootBothThemes(page, 'sweep-journal');
    await list.getByRole('button', { name: /sweep built-in/ }).click();
    await expect.poll(() => page.getByTestId('experiment-knee').textContent(), { timeout: 10_000 }).toMatch(/req\/s/);
    expect(await page.locator('.experiment-page .sweep-curve').getAttribute('data-points')).toBe('3');
    const table = (await page.locator('.experiment-page .sweep-table').textContent()) ?? '';
    expect(table).toContain('p99.9');
    expect(table).toContain('completion');
    await shootBothThemes(page, 'sweep-experiment');
    expect(app?.problems).toEqual([]);
  }, 60_000);

  it('a server that gives out: the sweep stops one step past the knee, lower bounds drawn apart', async () => {
    await new Promise<void>((resolve) => capped.listen(0, '127.0.0.1', resolve));
    const address = capped.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const url = `http://127.0.0.1:${address.port}/`;
    await goTo(page, 'Lab');
    await page.getByRole('radio', { name: 'URL' }).check();
    await page.getByRole('textbox', { name: 'URL' }).fill(url);
    await page.getByLabel('Or rates').fill('40,120,200');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => page.getByTestId('sweep-knee').textContent(), { timeout: 40_000 }).toMatch(/knee at 40 req\/s/i);
    // 120 req/s against 70 answered a second: the server gave out, 200 was not tried.
    expect(await page.locator('.sweep-panel').getAttribute('data-steps')).toBe('2');
    expect(await page.locator('.sweep-panel .sweep-table').textContent()).toContain('≥');
    await shootBothThemes(page, 'sweep-lab-gave-out');
  }, 90_000);
});

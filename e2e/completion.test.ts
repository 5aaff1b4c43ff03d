// End to end, honest figures for a failing server: a run against a server that answers 5
// requests and then stalls (5 of -R200 × 2 s = 400: completion 1.25 %), beside a run against one that answers everything. The Lab's live
// header shows the completion flagged, the journal list flags the run and marks its latencies
// "≥", and Compare gives no latency verdict between the two and says why. Screenshots of each.
import http from 'node:http';
import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, runAndWait } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Answers the first `n` requests, then holds every connection without a byte. */
function stallingServer(n: number): net.Server {
  let seen = 0;
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (data: Buffer) => {
      pending += data.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        pending = pending.slice(end + 4);
        if (++seen <= n) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }
    });
  });
}

async function runCommand(page: Page, command: string): Promise<void> {
  await goTo(page, 'Lab');
  await page.getByLabel('Paste a command line').fill(command);
  await page.getByRole('button', { name: 'Fill form' }).click();
  await runAndWait(page);
}

describe.skipIf(!browserTestsEnabled)('completion and unanswered requests in Chromium', () => {
  let page: Page;
  let app: OpenApp | undefined;
  const stalled = stallingServer(5);
  const healthy = http.createServer((_req, res) => res.end('ok'));
  let stalledUrl = '';
  let healthyUrl = '';

  beforeAll(async () => {
    stalledUrl = `http://127.0.0.1:${await listen(stalled)}/`;
    healthyUrl = `http://127.0.0.1:${await listen(healthy)}/`;
    app = await openApp();
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    stalled.close();
    healthy.closeAllConnections();
    healthy.close();
    for (const server of [stalled]) server.unref();
  });

  it('the Lab: completion beside req/s, flagged below 99 %', async () => {
    await runCommand(page, `wrk -t1 -c4 -d2s -R200 ${healthyUrl}`);
    const complete = page.locator('.live-head .stat', { hasText: 'completion' });
    await expect.poll(() => complete.textContent()).toMatch(/100\.0 %/);
    expect(await complete.getAttribute('class')).not.toContain('bad');

    await runCommand(page, `wrk -t1 -c4 -d2s -R200 ${stalledUrl}`);
    const flagged = page.locator('.live-head .stat', { hasText: 'completion' });
    await expect.poll(() => flagged.textContent()).toMatch(/1\.25 % ⚠.*below 99 %/);
    expect(await flagged.getAttribute('class')).toContain('bad');
    await shootBothThemes(page, 'completion-lab');
  }, 120_000);

  it('the journal list: an incomplete badge, completion under req/s, "≥" latencies', async () => {
    await goTo(page, 'Journal');
    const row = page.locator('table.runs tbody tr', { hasText: stalledUrl });
    await expect.poll(() => row.textContent()).toContain('incomplete: 1.25 % ⚠');
    expect(await row.locator('.completion.bad').textContent()).toBe('1.25 % ⚠');
    expect(await row.textContent()).toMatch(/≥ \d/);
    const good = page.locator('table.runs tbody tr', { hasText: healthyUrl });
    expect(await good.textContent()).not.toContain('incomplete');
    await shootBothThemes(page, 'completion-journal');
  });

  it('Compare: completion and mean rows, no latency verdict between 1.25 % and 100 %', async () => {
    await page.locator('table.runs tbody tr', { hasText: healthyUrl }).getByRole('checkbox').check();
    await page.locator('table.runs tbody tr', { hasText: stalledUrl }).getByRole('checkbox').check();
    await page.locator('.selection-bar').getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('.compare-table').textContent(), { timeout: 10_000 }).toContain('completion');
    const table = (await page.locator('.compare-table').textContent()) ?? '';
    expect(table).toContain('mean');
    expect(table).toContain('stdev');
    expect(table).toContain('no verdict: completion differs by more than 1 point');
    expect(table).toMatch(/≥ \d/);
    // The stalled run's spectrum goes on as a dotted lower bound at its unanswered requests' wait,
    // so it cannot read as the fastest line of the chart.
    await expect.poll(() => page.locator('.panel', { hasText: 'Latency by percentile' }).first().textContent()).toContain(`${stalledUrl} · -t1 -c4 -d2s -R200 ≥ (unanswered)`);
    await shootBothThemes(page, 'completion-compare');
  });
});

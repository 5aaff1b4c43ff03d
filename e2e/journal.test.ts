// End to end, the Journal and Compare: the seed journal imported (a copy in e2e/fixtures, as CI
// has only the repository), an imported run's page saying what its report lacks, two of its runs
// compared, HTML and Markdown exports downloaded and checked, a deletion undone. Screenshots of
// each view in both themes.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

const seedJournal = new URL('./fixtures/seed-journal.md', import.meta.url).pathname;

async function pick(page: Page, title: string): Promise<void> {
  await page.getByRole('checkbox', { name: `Pick ${title}`, exact: true }).check();
}

/** Clicks Export in `scope` and collects the downloads that follow (an export may be several files). */
async function exportAs(page: Page, format: 'html' | 'md', scope = page.locator('.selection-bar')): Promise<{ name: string; bytes: Buffer; text: string }[]> {
  const downloads: Download[] = [];
  const onDownload = (download: Download): void => void downloads.push(download);
  page.on('download', onDownload);
  await scope.getByLabel('Export format').selectOption(format);
  await scope.getByRole('button', { name: /^Export/ }).click();
  await expect.poll(() => downloads.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  page.off('download', onDownload);
  return Promise.all(
    downloads.map(async (download) => {
      const bytes = await readFile(await download.path());
      return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
    }),
  );
}

describe.skipIf(!browserTestsEnabled)('the Journal and Compare in Chromium', () => {
  let page: Page;
  let problems: string[];

  let app: OpenApp | undefined;

  beforeAll(async () => {
    app = await openApp({ acceptDownloads: true });
    ({ page, problems } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('says what to do with an empty journal', async () => {
    await goTo(page, 'Journal');
    await expect.poll(() => page.locator('.run-list').textContent()).toContain('The journal is empty');
    await shootBothThemes(page, 'journal-empty');
  });

  it('imports the seed journal and lists its runs, newest first', async () => {
    await page.setInputFiles('.import-panel input[type=file]', seedJournal);
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 15_000 }).toMatch(/\d+ runs? added/);
    await expect.poll(() => journalCount(page)).toBeGreaterThanOrEqual(5);
    const count = await journalCount(page);
    expect(await page.locator('table.runs tbody tr').first().textContent()).toContain('2024-10-17');
    await shootBothThemes(page, 'journal-imported');
    // The same file again adds nothing.
    await page.setInputFiles('.import-panel input[type=file]', seedJournal);
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 15_000 }).toMatch(/0 runs added, \d+ already in the journal/);
    expect(await journalCount(page)).toBe(count);
  });

  it('imports a file dropped on the journal view', async () => {
    const before = await journalCount(page);
    const report = ['wrk -t2 -c10 -d5s http://localhost:8080/', 'Running 5s test @ http://localhost:8080/', '  2 threads and 10 connections', '  Thread Stats   Avg      Stdev     Max   +/- Stdev', '    Latency   412.00us  100.00us   2.10ms   90.00%', '    Req/Sec    12.10k     1.00k   14.00k    70.00%', '  120000 requests in 5.00s, 14.00MB read', 'Requests/sec:  24000.00', 'Transfer/sec:      2.80MB', ''].join('\n');
    // Built in the page (the test's tsconfig has no DOM types): a DataTransfer holding one file.
    const transfer = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(report)}], 'dropped-wrk.txt', { type: 'text/plain' }));
      return data;
    })()`);
    await page.dispatchEvent('.journal-view', 'dragover', { dataTransfer: transfer });
    await expect.poll(() => page.locator('.drop-overlay').count()).toBe(1);
    await page.dispatchEvent('.journal-view', 'drop', { dataTransfer: transfer });
    await expect.poll(() => journalCount(page), { timeout: 10_000 }).toBe(before + 1);
    expect(await page.locator('.drop-overlay').count()).toBe(0);
  });

  it('searches and filters', async () => {
    await page.getByPlaceholder(/Search title/).fill('thread per request');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(1);
    await page.getByPlaceholder(/Search title/).fill('');
  });

  it("shows an imported run's page: its source and what its report lacks", async () => {
    await page.locator('.run-title', { hasText: 'Thread Per Request' }).click();
    await expect.poll(() => page.locator('.run-page .note.info').textContent()).toContain('no percentiles in this wrk2 report');
    // The report text is formatted after the page shows (a placeholder until then).
    await expect.poll(() => page.locator('.report-text').textContent(), { timeout: 10_000 }).toContain('29907 requests in 30.17s');
    expect(await page.locator('.run-page .stats').first().textContent()).toContain('unknown');
    await shootBothThemes(page, 'run-page-imported');
    await page.getByRole('button', { name: '← Journal' }).first().click();
  });

  it('compares two of its runs: thread per request against the shared-channel pool', async () => {
    await pick(page, 'Thread Per Request');
    await pick(page, '004 - 2024-10-17');
    await page.locator('.selection-bar').getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('.compare-table').textContent(), { timeout: 10_000 }).toContain('req/s');
    const table = await page.locator('.compare-table').textContent();
    expect(table).toContain('errors');
    expect(table).toContain('unknown');
    await shootBothThemes(page, 'compare');
  });

  it('exports the picked runs as HTML and as Markdown (downloads)', async () => {
    await goTo(page, 'Journal');
    const html = await exportAs(page, 'html');
    expect(html.map((file) => file.name).some((name) => name.endsWith('.html'))).toBe(true);
    const page1 = html.find((file) => file.name.endsWith('.html'));
    expect(page1?.text).toContain('<html');
    expect(page1?.text).toContain('Thread Per Request');
    // Markdown and the charts it links to arrive as one .zip.
    const markdown = await exportAs(page, 'md');
    expect(markdown.map((file) => file.name)).toEqual(['loadlab-runs.zip']);
    const unpacked = unzipSync(new Uint8Array(markdown[0]?.bytes ?? Buffer.alloc(0)));
    const md = strFromU8(unpacked['loadlab-runs/loadlab-runs.md'] ?? new Uint8Array());
    expect(md).toContain('Thread Per Request');
    expect(md).toContain('```');
    for (const [, link] of md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(unpacked[`loadlab-runs/${link ?? ''}`], link).toBeDefined();
  });

  it('deletes a run and undoes it', async () => {
    const count = await journalCount(page);
    await page.locator('.run-title', { hasText: 'Thread Per Request' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => journalCount(page)).toBe(count - 1);
    await expect.poll(() => page.locator('.toast').textContent()).toContain('Thread Per Request');
    await shootBothThemes(page, 'journal-deleted-undo');
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => journalCount(page)).toBe(count);
    expect(await page.locator('.run-title', { hasText: 'Thread Per Request' }).count()).toBe(1);
  });

  it('had no console errors', () => {
    expect(problems).toEqual([]);
  });
});

// The HTML export of two real runs (bench-runner at -R 200 against a tiny node:http server),
// rendered in Debian's Chromium: charts drawn, nothing fetched, no console errors. Saves a
// full-page screenshot to e2e/screenshots/export-html.png, and the Markdown export's SVG charts
// to e2e/screenshots/export-md/ (with a PNG of one) for people to look at.
// Fails (does not skip) in CI when /usr/bin/chromium is missing.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredRunRecord } from '../../common/runRecord.ts';
import { benchConfigDefaults } from '../../bench-runner/config.ts';
import { startRun } from '../../bench-runner/run.ts';
import { peerTestsRequired } from '../../peers/programs.ts';
import { exportHtml } from './html.ts';
import { exportMarkdown } from './markdown.ts';

const CHROMIUM = '/usr/bin/chromium';
const describeBrowser = existsSync(CHROMIUM) || peerTestsRequired() ? describe : describe.skip;
const screenshots = new URL('../../e2e/screenshots/', import.meta.url).pathname;

/** Answers "ok", each reply held for `delayMs` (0: at once). */
async function startServer(delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    if (delayMs === 0) res.end('ok');
    else setTimeout(() => res.end('ok'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function measure(delayMs: number): Promise<MeasuredRunRecord> {
  const server = await startServer(delayMs);
  try {
    const config = { ...benchConfigDefaults, url: server.url, threads: 1, connections: 4, durationMs: 1200, ratePerSec: 200, intervalMs: 100 };
    return await startRun(config).result;
  } finally {
    await server.close();
  }
}

describeBrowser('HTML export in Chromium', () => {
  let browser: Browser;
  let records: MeasuredRunRecord[];

  beforeAll(async () => {
    const immediate = await measure(0);
    const delayed = await measure(3);
    records = [
      { ...immediate, title: 'node:http, immediate reply', tags: [], notes: 'Baseline: **no** work per request.\n\n- 1 thread, 4 connections\n- `-R 200` for 1.2 s' },
      { ...delayed, title: '<script>alert(1)</script> 3 ms reply', notes: 'Each reply waits 3 ms in a timer.\n\n```\nsetTimeout(() => res.end("ok"), 3)\n```' },
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(screenshots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart, fetches nothing, logs no error, runs no script', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const html = exportHtml(records);
    await writeFile(join(screenshots, 'export-html.html'), html);
    await page.setContent(html, { waitUntil: 'load' });

    const charts = await page.$$eval('svg', (svgs) =>
      svgs.map((svg) => ({
        title: svg.querySelector('title')?.textContent ?? '',
        pathPoints: [...svg.querySelectorAll('path.series')].map((path) => (path.getAttribute('d')?.match(/[ML]/g) ?? []).length),
        axisTitles: [...svg.querySelectorAll('text.axis-title')].map((text) => text.textContent ?? ''),
        width: svg.getBoundingClientRect().width,
      })),
    );
    // Comparison: spectrum, req/s, p99; per run: spectrum, req/s, latency.
    expect(charts).toHaveLength(9);
    for (const chart of charts) {
      expect(chart.pathPoints.length, chart.title).toBeGreaterThan(0);
      expect(Math.min(...chart.pathPoints), chart.title).toBeGreaterThan(5);
      expect(chart.axisTitles.every((title) => /\(.+\)/.test(title)), chart.axisTitles.join(' / ')).toBe(true);
      expect(chart.width).toBeGreaterThan(400);
    }
    expect(await page.locator('h2', { hasText: '<script>alert(1)</script>' }).count()).toBe(1);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('table.compare').count()).toBe(1);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    await page.screenshot({ path: join(screenshots, 'export-html.png'), fullPage: true });
    await page.close();
  });

  it('the Markdown export’s SVG charts parse as SVG; saves them and a PNG of one', async () => {
    const { markdown, files } = exportMarkdown(records);
    const dir = join(screenshots, 'export-md');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'runs.md'), markdown);
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    for (const file of files) {
      await writeFile(join(dir, file.name), file.content);
      // Opened as an SVG document, Chromium's XML parser shows a <parsererror> for anything not well-formed.
      await page.goto(`data:image/svg+xml;base64,${Buffer.from(file.content).toString('base64')}`);
      expect(await page.locator('parsererror').count(), file.name).toBe(0);
      expect(await page.locator(':root').evaluate((root) => root.nodeName), file.name).toBe('svg');
    }
    const spectrum = files.find((file) => file.name === 'compare-spectrum.svg');
    expect(spectrum).toBeDefined();
    await page.goto('about:blank');
    await page.setContent(`<!doctype html><body style="margin:0">${spectrum?.content ?? ''}</body>`);
    await page.locator('svg').screenshot({ path: join(screenshots, 'export-md-compare-spectrum.png') });
    await page.close();
  });
});

// End to end, https in the Lab (issue 16): the server panel's TLS switch starts the built-in
// server with its self-signed certificate (kept in a temporary user data folder here), a 2 s run
// against it verifies that certificate and succeeds, and the run page shows the TLS figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './support/browser.ts';
import { applyPreset, goTo, runAndWait } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';
import { openApp, type OpenApp } from './support/app.ts';

describe.skipIf(!browserTestsEnabled)('a TLS run of the built-in server in the Lab', () => {
  let page: Page;
  let problems: string[];
  let app: OpenApp | undefined;
  let userData: string;
  const savedConfigHome = process.env.XDG_CONFIG_HOME;

  beforeAll(async () => {
    // The lab keeps the certificate in the user data folder: a temporary one, not the tester's.
    userData = mkdtempSync(join(tmpdir(), 'loadlab-e2e-tls-'));
    process.env.XDG_CONFIG_HOME = userData;
    app = await openApp();
    ({ page, problems } = app);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedConfigHome;
    rmSync(userData, { recursive: true, force: true });
  });

  it('starts the built-in server with TLS: the status says https and where the certificate is', async () => {
    await page.getByLabel('TLS (https)').check();
    await page.getByRole('button', { name: 'Start server' }).click();
    await expect.poll(() => page.locator('.server-panel .status-pill').textContent(), { timeout: 15_000 }).toBe('running');
    const where = (await page.locator('.server-where').textContent()) ?? '';
    expect(where).toMatch(/https:\/\/127\.0\.0\.1:\d+/);
    expect(where).toContain(join(userData, 'Loadlab', 'tls', 'localhost-cert.pem'));
    // The command to type in a terminal trusts the same certificate.
    await expect.poll(() => page.locator('.equivalent code').nth(1).textContent()).toMatch(/^loadlab bench .*--ca \S+localhost-cert\.pem .*https:\/\/127\.0\.0\.1:\d+\/$/);
    await shootBothThemes(page, 'tls-server-running');
  });

  it('runs 2 s against it (certificate verified) and the run page shows handshakes and their time', async () => {
    // A preset sets the server's model and keep-alive; the TLS switch stays as it is.
    await applyPreset(page, 'keep-alive on');
    expect(await page.getByLabel('TLS (https)').isChecked()).toBe(true);
    await runAndWait(page);
    await goTo(page, 'Journal');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(1);
    await page.locator('.run-title').first().click();
    const section = page.locator('section[aria-labelledby="tls-title"]');
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('verification on');
    expect(text).toContain('localhost-cert.pem');
    expect(text).toMatch(/TLS handshakes\s*[1-9]/);
    expect(text).toMatch(/handshake p50\s*[\d.]+\s*(µs|ms|s)/);
    expect(text).toMatch(/TLS errors\s*0/);
    expect(text).not.toContain('Certificate verification was skipped');
    expect(await page.locator('.run-page').textContent()).toContain('https://127.0.0.1:');
    await section.scrollIntoViewIfNeeded();
    await shootBothThemes(page, 'tls-run-page');
  });

  it('runs an https URL with verification skipped: the form warns, the run page says so loudly', async () => {
    await goTo(page, 'Lab');
    const base = (await page.locator('.server-where code').textContent()) ?? '';
    expect(base).toMatch(/^https:\/\//);
    await page.getByRole('radio', { name: 'URL' }).check();
    await page.getByRole('textbox', { name: 'URL' }).fill(`${base}/`);
    await page.getByLabel('Skip certificate verification (https)').check();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Certificate verification off' }).count()).toBe(1);
    await expect.poll(() => page.locator('.equivalent code').nth(1).textContent()).toContain('--insecure');
    await page.getByLabel('Threads (-t)').fill('1');
    await page.getByLabel('Connections (-c)').fill('4');
    await page.getByLabel('Duration (-d)').fill('2s');
    await page.getByLabel('Rate (-R, req/s)').fill('100');
    await shootBothThemes(page, 'tls-insecure-form');
    await runAndWait(page);
    await goTo(page, 'Journal');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(2);
    await page.locator('.run-title', { hasText: base }).first().click();
    const section = page.locator('section[aria-labelledby="tls-title"]');
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain('Certificate verification was skipped');
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('verification OFF');
    expect(text).toMatch(/TLS errors\s*0/);
    await shootBothThemes(page, 'tls-insecure-run-page');
  });

  it('had no console errors', () => {
    expect(problems).toEqual([]);
  });
});
